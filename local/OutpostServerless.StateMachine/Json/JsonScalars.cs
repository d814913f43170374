using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine.Json;

/// <summary>Type tests and conversions on JSON values, with JSON null represented as a C# null node.</summary>
internal static class JsonScalars
{
    public static JsonValueKind KindOf(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    public static bool IsString(JsonNode? node) => KindOf(node) == JsonValueKind.String;

    public static bool IsNumber(JsonNode? node) => KindOf(node) == JsonValueKind.Number;

    public static bool IsBoolean(JsonNode? node) => KindOf(node) is JsonValueKind.True or JsonValueKind.False;

    public static bool TryGetString(JsonNode? node, out string value)
    {
        if (IsString(node))
        {
            value = node!.GetValue<string>();
            return true;
        }

        value = string.Empty;
        return false;
    }

    public static bool TryGetBoolean(JsonNode? node, out bool value)
    {
        var kind = KindOf(node);
        value = kind == JsonValueKind.True;
        return kind is JsonValueKind.True or JsonValueKind.False;
    }

    /// <summary>The number as a double (every JSON number has one).</summary>
    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        return IsNumber(node) && double.TryParse(NumberText(node!), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The number as a decimal, when it fits one exactly enough for comparisons.</summary>
    public static bool TryGetDecimal(JsonNode? node, out decimal value)
    {
        value = 0;
        return IsNumber(node) && decimal.TryParse(NumberText(node!), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The number when it is integral (1 and 1.0 both are) and fits a long.</summary>
    public static bool TryGetInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (!TryGetDecimal(node, out var d) || d != decimal.Truncate(d) || d < long.MinValue || d > long.MaxValue)
        {
            return false;
        }

        value = (long)d;
        return true;
    }

    /// <summary>Compares two JSON numbers exactly when both fit a decimal, else as doubles.</summary>
    public static int CompareNumbers(JsonNode left, JsonNode right)
    {
        if (TryGetDecimal(left, out var a) && TryGetDecimal(right, out var b))
        {
            return a.CompareTo(b);
        }

        TryGetDouble(left, out var x);
        TryGetDouble(right, out var y);
        return x.CompareTo(y);
    }

    private static string NumberText(JsonNode node) => node.ToJsonString();
}
