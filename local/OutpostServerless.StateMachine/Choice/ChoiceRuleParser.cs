using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Definition;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;

namespace OutpostServerless.StateMachine.Choice;

/// <summary>Reads Choice Rules, reporting every malformed rule with its position (e.g. <c>Choices[1].And[0]</c>).</summary>
internal static class ChoiceRuleParser
{
    private static readonly HashSet<string> CommonFields = new(StringComparer.Ordinal) { "Variable", "Next", "Comment", "Assign" };

    public static ChoiceBranch? ParseBranch(JsonNode? node, string where, DefinitionProblems problems)
    {
        var rule = ParseRule(node, where, topLevel: true, problems);
        if (node is not JsonObject obj)
        {
            return null;
        }

        if (!obj.TryGetPropertyValue("Next", out var next) || !JsonScalars.TryGetString(next, out var nextName))
        {
            problems.Add($"{where}: a Choice Rule needs a string Next");
            return null;
        }

        return rule is null ? null : new ChoiceBranch(rule, nextName);
    }

    private static ChoiceRule? ParseRule(JsonNode? node, string where, bool topLevel, DefinitionProblems problems)
    {
        if (node is not JsonObject obj)
        {
            problems.Add($"{where}: a Choice Rule must be an object");
            return null;
        }

        if (!topLevel && obj.ContainsKey("Next"))
        {
            problems.Add($"{where}: a nested Choice Rule must not have Next");
        }

        if (obj.TryGetPropertyValue("And", out var and))
        {
            return ParseList(and, $"{where}.And", problems) is { } rules ? new AndRule(rules) : null;
        }

        if (obj.TryGetPropertyValue("Or", out var or))
        {
            return ParseList(or, $"{where}.Or", problems) is { } rules ? new OrRule(rules) : null;
        }

        if (obj.TryGetPropertyValue("Not", out var not))
        {
            return ParseRule(not, $"{where}.Not", topLevel: false, problems) is { } rule ? new NotRule(rule) : null;
        }

        return ParseComparison(obj, where, problems);
    }

    private static List<ChoiceRule>? ParseList(JsonNode? node, string where, DefinitionProblems problems)
    {
        if (node is not JsonArray { Count: > 0 } items)
        {
            problems.Add($"{where}: must be a non-empty array of Choice Rules");
            return null;
        }

        var rules = items.Select((item, i) => ParseRule(item, $"{where}[{i}]", topLevel: false, problems)).ToList();
        return rules.Contains(null) ? null : rules.OfType<ChoiceRule>().ToList();
    }

    private static ComparisonRule? ParseComparison(JsonObject obj, string where, DefinitionProblems problems)
    {
        if (!obj.TryGetPropertyValue("Variable", out var variableNode) || !JsonScalars.TryGetString(variableNode, out var variableText))
        {
            problems.Add($"{where}: a Choice Rule needs And, Or, Not, or a string Variable");
            return null;
        }

        var operators = obj.Where(p => !CommonFields.Contains(p.Key)).ToList();
        if (operators.Count != 1 || !ComparisonOperator.ByName.TryGetValue(operators[0].Key, out var op))
        {
            var names = operators.Count == 0 ? "none" : string.Join(", ", operators.Select(p => p.Key));
            problems.Add($"{where}: a Choice Rule needs exactly one comparison operator (found: {names})");
            return null;
        }

        var variable = ParsePath(variableText, $"{where}.Variable", problems);
        var operand = operators[0].Value;
        JsonPath? operandPath = null;
        StringPattern? pattern = null;
        if (op.UsesPath)
        {
            if (!JsonScalars.TryGetString(operand, out var pathText))
            {
                problems.Add($"{where}.{op.Name}: must be a path string");
                return null;
            }

            operandPath = ParsePath(pathText, $"{where}.{op.Name}", problems);
        }
        else if (!OperandFits(op, operand))
        {
            problems.Add($"{where}.{op.Name}: {ExpectedOperand(op)}, got {JsonText.Serialize(operand)}");
            return null;
        }
        else if (op.Relation == ComparisonRelation.Matches)
        {
            pattern = new StringPattern(operand!.GetValue<string>());
        }

        return variable is null || (op.UsesPath && operandPath is null)
            ? null
            : new ComparisonRule(variable, op, op.UsesPath ? null : JsonText.Clone(operand), operandPath, pattern);
    }

    private static JsonPath? ParsePath(string text, string where, DefinitionProblems problems)
    {
        if (JsonPath.TryParse(text, out var path, out var problem))
        {
            return path;
        }

        problems.Add($"{where}: {problem}");
        return null;
    }

    private static bool OperandFits(ComparisonOperator op, JsonNode? operand) => op.Family switch
    {
        ComparisonFamily.String => JsonScalars.IsString(operand),
        ComparisonFamily.Numeric => JsonScalars.IsNumber(operand),
        ComparisonFamily.Boolean or ComparisonFamily.TypeTest => JsonScalars.IsBoolean(operand),
        ComparisonFamily.Timestamp => JsonScalars.TryGetString(operand, out var s) && Rfc3339.TryParse(s, out _),
        _ => false,
    };

    private static string ExpectedOperand(ComparisonOperator op) => op.Family switch
    {
        ComparisonFamily.String => "must be a string",
        ComparisonFamily.Numeric => "must be a number",
        ComparisonFamily.Timestamp => "must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z",
        _ => "must be a boolean",
    };
}
