using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.EventBridge;

/// <summary>
/// <c>{"numeric": [">", 0, "&lt;=", 5]}</c>: at most one lower bound (<c>&gt;</c>, <c>&gt;=</c>) and one upper
/// bound (<c>&lt;</c>, <c>&lt;=</c>), or <c>=</c> alone; bounds lie within ±5.0e9, as EventBridge requires.
/// </summary>
internal sealed record NumericRange(double? Lower, bool LowerInclusive, double? Upper, bool UpperInclusive)
{
    private const double Limit = 5.0e9;

    public bool Contains(double value) =>
        (Lower is not { } lower || (LowerInclusive ? value >= lower : value > lower))
        && (Upper is not { } upper || (UpperInclusive ? value <= upper : value < upper));

    public static NumericRange Parse(JsonNode? operand, string path)
    {
        if (operand is not JsonArray { Count: 2 or 4 } terms)
        {
            throw new EventPatternException(path, "numeric takes [operator, number] or [operator, number, operator, number]");
        }

        double? lower = null, upper = null;
        bool lowerInclusive = false, upperInclusive = false;
        for (var i = 0; i < terms.Count; i += 2)
        {
            var op = terms[i] is JsonValue o && o.GetValueKind() == JsonValueKind.String ? o.GetValue<string>() : null;
            var bound = terms[i + 1] is JsonValue n && ValueMatcher.IsNumber(n, out var parsed)
                ? parsed
                : throw new EventPatternException(path, $"numeric: '{terms[i + 1]?.ToJsonString()}' is not a number");
            if (Math.Abs(bound) > Limit)
            {
                throw new EventPatternException(path, $"numeric: {bound} is outside -5.0e9 to 5.0e9");
            }

            switch (op)
            {
                case "=" when terms.Count == 2:
                    return new NumericRange(bound, true, bound, true);
                case ">" or ">=" when lower is null:
                    (lower, lowerInclusive) = (bound, op == ">=");
                    break;
                case "<" or "<=" when upper is null:
                    (upper, upperInclusive) = (bound, op == "<=");
                    break;
                default:
                    throw new EventPatternException(path, $"numeric: '{op}' here is not allowed (one of >, >= and one of <, <=, or = alone)");
            }
        }

        return lower >= upper
            ? throw new EventPatternException(path, $"numeric: the lower bound {lower} is not below the upper bound {upper}")
            : new NumericRange(lower, lowerInclusive, upper, upperInclusive);
    }
}
