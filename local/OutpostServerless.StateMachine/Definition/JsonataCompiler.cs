using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Queries;

namespace OutpostServerless.StateMachine.Definition;

/// <summary>
/// Compiles the JSONata fields of a definition once, checking what AWS checks at CreateStateMachine:
/// the expression parses (INVALID_JSONATA_EXPRESSION), reads nothing from the missing context value at
/// its top level — no bare field names, no <c>$</c> or <c>$$</c> — and reads <c>$states.errorOutput</c>
/// only in a Catcher (UNSUPPORTED_JSONATA_EXPRESSION).
/// </summary>
internal sealed partial class JsonataCompiler(IJsonataEvaluator evaluator, DefinitionProblems problems)
{
    private const int MaxVariableNameLength = 80;

    /// <param name="where">The state, e.g. <c>State 'X'</c>.</param>
    /// <param name="field">The field's location in the state, e.g. <c>Output</c> or <c>Catch[0]/Output</c>.</param>
    public JsonataTemplate Compile(JsonNode? node, string where, string field, bool inCatcher = false) => node switch
    {
        JsonObject obj => new ObjectJsonata(obj.Select(p => new KeyValuePair<string, JsonataTemplate>(p.Key, Compile(p.Value, where, $"{field}/{p.Key}", inCatcher))).ToList()),
        JsonArray array => new ArrayJsonata(array.Select((item, i) => Compile(item, where, $"{field}[{i}]", inCatcher)).ToList()),
        _ when JsonScalars.TryGetString(node, out var text) && JsonataTemplate.IsExpression(text) => Expression(text, where, field, inCatcher),
        _ => new ConstantJsonata(JsonText.Clone(node)),
    };

    /// <summary>An Assign object: each key is a variable name; each value a JSONata template.</summary>
    public Assignment? Assignment(JsonNode? node, string where, string field, bool inCatcher = false)
    {
        if (node is not JsonObject obj)
        {
            problems.Add($"{where}: {field} must be a JSON object");
            return null;
        }

        CheckVariableNames(obj.Select(p => p.Key), where, field);
        return Queries.Assignment.OfJsonata(Compile(obj, where, field, inCatcher));
    }

    /// <summary>A JSONPath state's Assign: a payload template whose keys (without <c>.$</c>) are variable names.</summary>
    public Assignment? PathAssignment(JsonNode? node, string where, string field)
    {
        if (node is not JsonObject obj)
        {
            problems.Add($"{where}: {field} must be a JSON object");
            return null;
        }

        CheckVariableNames(obj.Select(p => p.Key.EndsWith(".$", StringComparison.Ordinal) ? p.Key[..^2] : p.Key), where, field);
        return Queries.Assignment.OfPaths(PayloadTemplate.Parse(obj, $"{where}: {field}", problems));
    }

    private void CheckVariableNames(IEnumerable<string> names, string where, string field)
    {
        foreach (var name in names)
        {
            if (name == "states")
            {
                problems.Add($"{where}: {field}: the variable name 'states' is reserved");
            }
            else if (name.Length == 0 || name.Length > MaxVariableNameLength || !JsonPath.IsNameStart(name[0]) || !name.All(JsonPath.IsNamePart))
            {
                problems.Add($"{where}: {field}: '{name}' is not a valid variable name (a letter or _ then letters, digits or _, at most {MaxVariableNameLength} characters)");
            }
        }
    }

    private JsonataTemplate Expression(string text, string where, string field, bool inCatcher)
    {
        var expression = JsonataTemplate.ExpressionOf(text);
        IJsonataExpression compiled;
        try
        {
            compiled = evaluator.Compile(expression);
        }
        catch (JsonataException e)
        {
            problems.Add($"{where}: INVALID_JSONATA_EXPRESSION: {e.Message} at {field}");
            return new ConstantJsonata(null);
        }

        foreach (var reference in compiled.TopLevelReferences)
        {
            problems.Add(reference is "$" or "$$"
                ? $"{where}: UNSUPPORTED_JSONATA_EXPRESSION: Reference to '{reference}' is not supported. at {field}"
                : $"{where}: UNSUPPORTED_JSONATA_EXPRESSION: Reference to '{reference}' at the top level is not supported. at {field}");
        }

        if (!inCatcher && ErrorOutput().IsMatch(expression))
        {
            problems.Add($"{where}: UNSUPPORTED_JSONATA_EXPRESSION: $states.errorOutput is only available in a Catcher's Output and Assign. at {field}");
        }

        return new ExpressionJsonata(expression, compiled);
    }

    [GeneratedRegex(@"\$states\s*\.\s*errorOutput\b")]
    private static partial Regex ErrorOutput();
}
