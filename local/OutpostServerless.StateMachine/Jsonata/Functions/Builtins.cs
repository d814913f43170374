using OutpostServerless.StateMachine.Jsonata.Runtime;

namespace OutpostServerless.StateMachine.Jsonata.Functions;

/// <summary>What the built-in functions share: argument reading with JSONata's signature errors, and common conversions.</summary>
internal static class Builtins
{
    public static object? Arg(IReadOnlyList<object?> args, int index) => index < args.Count ? args[index] : null;

    public static JsonataException SignatureError(string function, int argument) =>
        new("T0410", $"Argument {argument + 1} of function {function} does not match function signature");

    public static string? String(IReadOnlyList<object?> args, int index, string function) => Arg(args, index) switch
    {
        null => null,
        string s => s,
        _ => throw SignatureError(function, index),
    };

    public static double? Number(IReadOnlyList<object?> args, int index, string function) => Arg(args, index) switch
    {
        null => null,
        double d => d,
        _ => throw SignatureError(function, index),
    };

    public static JFunction? Function(IReadOnlyList<object?> args, int index, string function) => Arg(args, index) switch
    {
        null => null,
        JFunction f => f,
        _ => throw SignatureError(function, index),
    };

    /// <summary>An argument of array type: a single value stands for an array of it (JSONata signature <c>a</c>).</summary>
    public static JArray? Array(IReadOnlyList<object?> args, int index) => Arg(args, index) switch
    {
        null => null,
        JArray a => a,
        var single => [single],
    };

    public static JArray? Numbers(IReadOnlyList<object?> args, int index, string function)
    {
        var array = Array(args, index);
        if (array is not null && !array.TrueForAll(item => item is double))
        {
            throw new JsonataException("T0412", $"Argument {index + 1} of function {function} must be an array of numbers");
        }

        return array;
    }

    /// <summary>JSONata's <c>$string</c> of a defined value.</summary>
    public static string StringOf(object? value, bool pretty = false) => value switch
    {
        string s => s,
        JFunction => string.Empty,
        double d when !double.IsFinite(d) => throw new JsonataException("D3001", "Attempting to invoke string function on Infinity or NaN"),
        _ => Values.Stringify(value, pretty),
    };

    /// <summary><c>$append</c>: the two values as one array (undefined on either side is nothing).</summary>
    public static object? Append(object? first, object? second)
    {
        if (first is null)
        {
            return second;
        }

        if (second is null)
        {
            return first;
        }

        var result = new JArray();
        AddAll(result, first);
        AddAll(result, second);
        return result;
    }

    public static string[] CodePoints(string text)
    {
        var points = new List<string>(text.Length);
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            points.Add(char.IsSurrogatePair(text, i) ? text.Substring(i, 2) : text[i].ToString());
        }

        return [.. points];
    }

    public static int ToInt(double value) => value >= int.MaxValue ? int.MaxValue : value <= int.MinValue ? int.MinValue : (int)Math.Truncate(value);

    private static void AddAll(JArray into, object? value)
    {
        if (value is JArray array)
        {
            into.AddRange(array);
        }
        else
        {
            into.Add(value);
        }
    }
}
