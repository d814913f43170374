using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.Queries;

/// <summary>
/// The value of a JSONata state's field (Arguments, Output, an Assign value, Items, ...): any JSON in which
/// a string that starts with <c>{%</c> and ends with <c>%}</c> is an expression, at any depth. Evaluation
/// names the failing place as AWS does: <c>Output</c>, <c>Output/a/b[0]</c>, <c>Assign/x</c>.
/// </summary>
internal abstract class JsonataTemplate
{
    /// <summary>The expression's text when the whole field is one expression, else null.</summary>
    public virtual string? ExpressionText => null;

    public abstract JsonNode? Evaluate(JsonataStep step, string field);

    /// <summary>True for a <c>"{% … %}"</c> string: exactly those delimiters, no space around them (AWS).</summary>
    public static bool IsExpression(string text) =>
        text.Length >= 4 && text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal);

    /// <summary>The expression between the delimiters, as AWS quotes it in causes.</summary>
    public static string ExpressionOf(string text) => text[2..^2].Trim();
}

internal sealed class ConstantJsonata(JsonNode? value) : JsonataTemplate
{
    public JsonNode? Value { get; } = value;

    public override JsonNode? Evaluate(JsonataStep step, string field) => JsonText.Clone(Value);
}

internal sealed class ExpressionJsonata(string text, IJsonataExpression expression) : JsonataTemplate
{
    public override string? ExpressionText { get; } = text;

    public override JsonNode? Evaluate(JsonataStep step, string field) => step.Evaluate(expression, ExpressionText!, field);
}

internal sealed class ObjectJsonata(IReadOnlyList<KeyValuePair<string, JsonataTemplate>> members) : JsonataTemplate
{
    public IReadOnlyList<KeyValuePair<string, JsonataTemplate>> Members { get; } = members;

    public override JsonNode? Evaluate(JsonataStep step, string field)
    {
        var result = new JsonObject();
        foreach (var (key, template) in Members)
        {
            result[key] = JsonText.Adopt(template.Evaluate(step, $"{field}/{key}"));
        }

        return result;
    }
}

internal sealed class ArrayJsonata(IReadOnlyList<JsonataTemplate> items) : JsonataTemplate
{
    public override JsonNode? Evaluate(JsonataStep step, string field)
    {
        var result = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            result.Add(JsonText.Adopt(items[i].Evaluate(step, $"{field}[{i}]")));
        }

        return result;
    }
}
