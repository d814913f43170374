using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;

namespace OutpostServerless.StateMachine.Choice;

/// <summary>A Choice Rule: a boolean expression (And, Or, Not) or a data-test expression on one variable.</summary>
internal abstract record ChoiceRule
{
    /// <summary>Evaluates against the state's effective input; a missing variable is States.Runtime, as on AWS.</summary>
    public abstract bool Matches(PathScope scope);
}

internal sealed record AndRule(IReadOnlyList<ChoiceRule> Rules) : ChoiceRule
{
    public override bool Matches(PathScope scope) => Rules.All(r => r.Matches(scope));
}

internal sealed record OrRule(IReadOnlyList<ChoiceRule> Rules) : ChoiceRule
{
    public override bool Matches(PathScope scope) => Rules.Any(r => r.Matches(scope));
}

internal sealed record NotRule(ChoiceRule Rule) : ChoiceRule
{
    public override bool Matches(PathScope scope) => !Rule.Matches(scope);
}

/// <summary>
/// <c>{"Variable": "$.x", "&lt;Operator&gt;": value}</c>. Values of the wrong type simply do not match;
/// only a variable (or *Path operand) that is not there is an error.
/// </summary>
internal sealed record ComparisonRule(JsonPath Variable, ComparisonOperator Operator, JsonNode? Operand, JsonPath? OperandPath, StringPattern? Pattern)
    : ChoiceRule
{
    public override bool Matches(PathScope scope)
    {
        var found = TryRead(Variable, scope, out var value);
        if (Operator.Relation == ComparisonRelation.IsPresent)
        {
            return found == Expected();
        }

        if (!found)
        {
            throw InvalidPath(Variable);
        }

        if (Operator.Family == ComparisonFamily.TypeTest)
        {
            return TypeTest(value) == Expected();
        }

        var operand = Operand;
        if (OperandPath is not null && !TryRead(OperandPath, scope, out operand))
        {
            throw InvalidPath(OperandPath);
        }

        return Operator.Family switch
        {
            ComparisonFamily.String => CompareStrings(value, operand),
            ComparisonFamily.Numeric => JsonScalars.IsNumber(value) && JsonScalars.IsNumber(operand)
                && Holds(JsonScalars.CompareNumbers(value!, operand!)),
            ComparisonFamily.Boolean => JsonScalars.TryGetBoolean(value, out var a) && JsonScalars.TryGetBoolean(operand, out var b) && a == b,
            ComparisonFamily.Timestamp => JsonScalars.TryGetString(value, out var x) && Rfc3339.TryParse(x, out var left)
                && JsonScalars.TryGetString(operand, out var y) && Rfc3339.TryParse(y, out var right)
                && Holds(left.CompareTo(right)),
            _ => false,
        };
    }

    private bool CompareStrings(JsonNode? value, JsonNode? operand)
    {
        if (!JsonScalars.TryGetString(value, out var text))
        {
            return false;
        }

        if (Operator.Relation == ComparisonRelation.Matches)
        {
            return Pattern!.IsMatch(text);
        }

        return JsonScalars.TryGetString(operand, out var other) && Holds(string.CompareOrdinal(text, other));
    }

    private bool Holds(int order) => Operator.Relation switch
    {
        ComparisonRelation.Equals => order == 0,
        ComparisonRelation.LessThan => order < 0,
        ComparisonRelation.GreaterThan => order > 0,
        ComparisonRelation.LessThanEquals => order <= 0,
        ComparisonRelation.GreaterThanEquals => order >= 0,
        _ => false,
    };

    private bool TypeTest(JsonNode? value) => Operator.Relation switch
    {
        ComparisonRelation.IsNull => JsonScalars.KindOf(value) == JsonValueKind.Null,
        ComparisonRelation.IsNumeric => JsonScalars.IsNumber(value),
        ComparisonRelation.IsString => JsonScalars.IsString(value),
        ComparisonRelation.IsBoolean => JsonScalars.IsBoolean(value),
        ComparisonRelation.IsTimestamp => JsonScalars.TryGetString(value, out var s) && Rfc3339.TryParse(s, out _),
        _ => false,
    };

    private bool Expected() => JsonScalars.TryGetBoolean(Operand, out var expected) && expected;

    private static bool TryRead(JsonPath path, PathScope scope, out JsonNode? value) => scope.Select(path, out value);

    private static StatesException InvalidPath(JsonPath path) =>
        StatesException.Runtime($"Invalid path '{path.Text}': The choice state's condition path references an invalid value.");
}
