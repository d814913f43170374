using System.Globalization;
using OutpostServerless.StateMachine.Jsonata.Runtime;
using static OutpostServerless.StateMachine.Jsonata.Functions.Builtins;
using static OutpostServerless.StateMachine.Jsonata.Functions.FunctionLibrary;

namespace OutpostServerless.StateMachine.Jsonata.Functions;

/// <summary>JSONata's numeric and boolean functions ($random is in <see cref="AwsFunctions"/>, which extends it with a seed).</summary>
internal static partial class NumericFunctions
{
    public static IEnumerable<NativeFunction> All()
    {
        yield return Define("number", 1, (_, a, _) => ToNumber(Arg(a, 0)), contextArguments: 1);
        yield return Define("abs", 1, (_, a, _) => Number(a, 0, "$abs") is { } n ? Math.Abs(n) : null, contextArguments: 1);
        yield return Define("floor", 1, (_, a, _) => Number(a, 0, "$floor") is { } n ? Math.Floor(n) : null, contextArguments: 1);
        yield return Define("ceil", 1, (_, a, _) => Number(a, 0, "$ceil") is { } n ? Math.Ceiling(n) : null, contextArguments: 1);
        yield return Define("round", 2, (_, a, _) => Number(a, 0, "$round") is { } n ? Round(n, ToInt(Number(a, 1, "$round") ?? 0)) : null, contextArguments: 1);
        yield return Define("power", 2, (_, a, _) => Power(a), contextArguments: 2);
        yield return Define("sqrt", 1, (_, a, _) => Number(a, 0, "$sqrt") switch
        {
            null => null,
            < 0 and var n => throw new JsonataException("D3060", $"The sqrt function cannot be applied to a negative number: {JsNumber.Format(n)}"),
            var n => Math.Sqrt(n.Value),
        }, contextArguments: 1);
        yield return Define("boolean", 1, (_, a, _) => Arg(a, 0) is JFunction ? Values.False : Values.ToBoolean(Arg(a, 0)) is { } b ? Values.Bool(b) : null, contextArguments: 1);
        yield return Define("not", 1, (_, a, _) => Arg(a, 0) is null ? null : Values.Bool(!Values.Truthy(Arg(a, 0))), contextArguments: 1);
        yield return Define("exists", 1, (_, a, _) => Values.Bool(Arg(a, 0) is not null));
    }

    public static object? ToNumber(object? value) => value switch
    {
        null => null,
        double d => d,
        bool b => b ? 1.0 : 0.0,
        string s => ParseNumber(s) ?? throw new JsonataException("D3030", $"Unable to cast value to a number: {Values.Stringify(s)}"),
        _ => throw new JsonataException("D3030", $"Unable to cast value to a number: {Values.Stringify(value)}"),
    };

    /// <summary>Round half to even at <paramref name="precision"/> decimal places, as JSONata's $round.</summary>
    public static double Round(double value, int precision)
    {
        if (!double.IsFinite(value))
        {
            return value;
        }

        try
        {
            return (double)Math.Round((decimal)value, Math.Clamp(precision, 0, 28), MidpointRounding.ToEven) is var rounded && precision >= 0
                ? rounded
                : Math.Round(value / Math.Pow(10, -precision), MidpointRounding.ToEven) * Math.Pow(10, -precision);
        }
        catch (OverflowException)
        {
            return Math.Round(value, MidpointRounding.ToEven);
        }
    }

    private static double? ParseNumber(string text)
    {
        // No trimming: jsonata-js refuses " 5".
        var trimmed = text;
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && long.TryParse(trimmed[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
        {
            return hex;
        }

        if (trimmed.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return Convert.ToInt64(trimmed[2..], 2);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        if (trimmed.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return Convert.ToInt64(trimmed[2..], 8);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        // JSON number syntax only: no leading '+', no bare '.5'.
        return NumberSyntax().IsMatch(trimmed) && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : null;
    }

    private static double? Power(IReadOnlyList<object?> a)
    {
        if (Number(a, 0, "$power") is not { } b)
        {
            return null;
        }

        var exponent = Number(a, 1, "$power") ?? throw SignatureError("$power", 1);
        var result = Math.Pow(b, exponent);
        return double.IsFinite(result)
            ? result
            : throw new JsonataException("D3061", $"The power function has resulted in a value that cannot be represented as a JSON number: base={JsNumber.Format(b)}, exponent={JsNumber.Format(exponent)}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex NumberSyntax();
}
