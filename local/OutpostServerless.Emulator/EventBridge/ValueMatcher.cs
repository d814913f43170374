using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.EventBridge;

/// <summary>
/// One entry of a field's matcher list: a literal or one of EventBridge's comparison operators, read and
/// checked by <see cref="Parse"/>. <see cref="Matches"/> sees one leaf value of the event (null is JSON null).
/// </summary>
internal abstract class ValueMatcher
{
    public abstract bool Matches(JsonValue? value);

    public static ValueMatcher Parse(JsonNode? node, string path) => node switch
    {
        null => new ExactMatcher(null),
        JsonValue literal => new ExactMatcher(literal),
        JsonObject { Count: 1 } operation => Operator(operation.Single().Key, operation.Single().Value, path),
        JsonObject => throw new EventPatternException(path, "a matcher object has exactly one operator, e.g. {\"prefix\": \"us-\"}"),
        _ => throw new EventPatternException(path, "a matcher is a string, a number, true, false, null or an operator object"),
    };

    private static ValueMatcher Operator(string name, JsonNode? operand, string path) => name switch
    {
        "prefix" => new PrefixMatcher(TextOrIgnoringCase(operand, path, name, out var ignoreCase), ignoreCase),
        "suffix" => new SuffixMatcher(TextOrIgnoringCase(operand, path, name, out var ignoreCase), ignoreCase),
        "equals-ignore-case" => new EqualsIgnoreCaseMatcher(Text(operand, path, name)),
        "wildcard" => new WildcardMatcher(WildcardPattern.Parse(Text(operand, path, name), path)),
        "anything-but" => AnythingButMatcher.FromOperand(operand, path),
        "numeric" => new NumericMatcher(NumericRange.Parse(operand, path)),
        "exists" => operand is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? new ExistsMatcher(flag.GetValue<bool>())
            : throw new EventPatternException(path, "exists takes true or false"),
        "cidr" => CidrMatcher.Parse(Text(operand, path, name), path),
        _ => throw new EventPatternException(path, $"'{name}' is not an operator (prefix, suffix, equals-ignore-case, wildcard, anything-but, numeric, exists, cidr)"),
    };

    internal static string Text(JsonNode? operand, string path, string operatorName) =>
        operand is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new EventPatternException(path, $"{operatorName} takes a string");

    /// <summary>prefix and suffix take a string, or <c>{"equals-ignore-case": "..."}</c>.</summary>
    private static string TextOrIgnoringCase(JsonNode? operand, string path, string operatorName, out bool ignoreCase)
    {
        ignoreCase = operand is JsonObject { Count: 1 } inner && inner.ContainsKey("equals-ignore-case");
        return ignoreCase
            ? Text(operand!["equals-ignore-case"], path, $"{operatorName} equals-ignore-case")
            : Text(operand, path, operatorName);
    }

    internal static bool IsText(JsonValue? value, out string text)
    {
        text = value is not null && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";
        return value is not null && value.GetValueKind() == JsonValueKind.String;
    }

    /// <summary>A JSON number as a double, whatever .NET type holds it (parsed JSON, or a value made in code).</summary>
    internal static bool IsNumber(JsonValue? value, out double number)
    {
        number = 0;
        if (value is null || value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (value.TryGetValue(out double asDouble) || value.TryGetValue<JsonElement>(out var element) && element.TryGetDouble(out asDouble))
        {
            number = asDouble;
        }
        else if (value.TryGetValue(out long asLong))
        {
            number = asLong;
        }
        else if (value.TryGetValue(out int asInt))
        {
            number = asInt;
        }
        else if (value.TryGetValue(out decimal asDecimal))
        {
            number = (double)asDecimal;
        }

        return true;
    }
}
