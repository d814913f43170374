using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.Queries;

/// <summary>
/// Fields whose JSONata value must have one type (Seconds, Items, Condition, Error, ...): a result of another
/// type fails the state with States.QueryEvaluationError, naming the field.
/// </summary>
internal static class JsonataFields
{
    public static long Integer(JsonataStep step, JsonataTemplate template, string field, long min, long max = int.MaxValue)
    {
        var value = template.Evaluate(step, field);
        return JsonScalars.TryGetInteger(value, out var number) && number >= min && number <= max
            ? number
            : throw Unexpected(step, template, field, min == 0 ? "non-negative integer" : "positive integer", value);
    }

    public static double Number(JsonataStep step, JsonataTemplate template, string field, double min, double max)
    {
        var value = template.Evaluate(step, field);
        return JsonScalars.TryGetDouble(value, out var number) && number >= min && number <= max
            ? number
            : throw Unexpected(step, template, field, "number", value);
    }

    public static string String(JsonataStep step, JsonataTemplate template, string field)
    {
        var value = template.Evaluate(step, field);
        return JsonScalars.TryGetString(value, out var text) ? text : throw Unexpected(step, template, field, "string", value);
    }

    public static bool Boolean(JsonataStep step, JsonataTemplate template, string field)
    {
        var value = template.Evaluate(step, field);
        return JsonScalars.TryGetBoolean(value, out var flag) ? flag : throw Unexpected(step, template, field, "boolean", value);
    }

    public static JsonArray Array(JsonataStep step, JsonataTemplate template, string field)
    {
        var value = template.Evaluate(step, field);
        return value as JsonArray ?? throw Unexpected(step, template, field, "array", value);
    }

    private static Errors.StatesException Unexpected(JsonataStep step, JsonataTemplate template, string field, string expected, JsonNode? value)
    {
        var what = template.ExpressionText is { } text ? $"The JSONata expression '{text}'" : "The value";
        return step.Fail(field, $"{what} specified for the field '{field}' returned an unexpected result type. Expected '{expected}', but was '{TypeOf(value)}' for value: {JsonText.Serialize(value)}");
    }

    private static string TypeOf(JsonNode? value) => JsonScalars.KindOf(value) switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
