using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Definition;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Intrinsics;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.Paths;

/// <summary>
/// A Payload Template (Parameters, ResultSelector, ItemSelector): JSON copied as is, except that a key
/// ending in <c>.$</c> loses the suffix and takes its value from a path (<c>$...</c>), a context path
/// (<c>$$...</c>) or an intrinsic call, at any depth.
/// </summary>
internal abstract record PayloadTemplate
{
    public abstract JsonNode? Evaluate(PathScope scope);

    /// <summary>Parses a template, reporting bad bindings to <paramref name="problems"/> prefixed by <paramref name="where"/>.</summary>
    public static PayloadTemplate Parse(JsonNode? node, string where, DefinitionProblems problems) => node switch
    {
        JsonObject obj => ParseObject(obj, where, problems),
        JsonArray arr => new ArrayTemplate(arr.Select(item => Parse(item, where, problems)).ToArray()),
        _ => new LiteralTemplate(JsonText.Clone(node)),
    };

    private static ObjectTemplate ParseObject(JsonObject obj, string where, DefinitionProblems problems)
    {
        var members = new List<KeyValuePair<string, PayloadTemplate>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            var isBinding = key.EndsWith(".$", StringComparison.Ordinal);
            var name = isBinding ? key[..^2] : key;
            if (!seen.Add(name))
            {
                problems.Add($"{where}: the field '{name}' appears more than once after the '.$' suffixes are removed");
                continue;
            }

            members.Add(new(name, isBinding ? ParseBinding(key, value, where, problems) : Parse(value, where, problems)));
        }

        return new ObjectTemplate(members);
    }

    private static PayloadTemplate ParseBinding(string field, JsonNode? value, string where, DefinitionProblems problems)
    {
        if (!JsonScalars.TryGetString(value, out var expression))
        {
            problems.Add($"{where}: the value of '{field}' must be a path or an intrinsic function string");
            return new LiteralTemplate(null);
        }

        try
        {
            if (IntrinsicParser.LooksLikeCall(expression))
            {
                return new IntrinsicBinding(IntrinsicParser.Parse(expression));
            }

            return new PathBinding(field, JsonPath.Parse(expression));
        }
        catch (Exception e) when (e is JsonPathSyntaxException or IntrinsicSyntaxException)
        {
            problems.Add($"{where}: the value of '{field}': {e.Message}");
            return new LiteralTemplate(null);
        }
    }
}

internal sealed record LiteralTemplate(JsonNode? Value) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope) => JsonText.Clone(Value);
}

internal sealed record ArrayTemplate(IReadOnlyList<PayloadTemplate> Items) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope) => JsonText.ArrayOf(Items.Select(i => i.Evaluate(scope)));
}

internal sealed record ObjectTemplate(IReadOnlyList<KeyValuePair<string, PayloadTemplate>> Members) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope)
    {
        var result = new JsonObject();
        foreach (var (name, template) in Members)
        {
            result[name] = JsonText.Adopt(template.Evaluate(scope));
        }

        return result;
    }
}

/// <summary><c>"field.$": "$.path"</c> or <c>"field.$": "$$.Context.Path"</c>.</summary>
internal sealed record PathBinding(string Field, JsonPath Path) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope)
    {
        if (scope.Select(Path, out var value))
        {
            return value;
        }

        var source = scope.RootOf(Path);

        // AWS (Jayway JsonPath) gives null for an index past the end of an array here.
        if (Path.EndsPastAnArray(source))
        {
            return null;
        }

        // AWS fails the execution with States.Runtime here (not the spec's catchable ParameterPathFailure).
        throw StatesException.Runtime(
            $"The JSONPath '{Path.Text}' specified for the field '{Field}' could not be found in the input '{JsonText.Serialize(source)}'");
    }
}

/// <summary><c>"field.$": "States.Format(...)"</c>.</summary>
internal sealed record IntrinsicBinding(IntrinsicCall Call) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope) => Call.Evaluate(scope);
}
