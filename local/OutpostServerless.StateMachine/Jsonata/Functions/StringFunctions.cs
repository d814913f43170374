using System.Text;
using System.Text.RegularExpressions;
using OutpostServerless.StateMachine.Jsonata.Runtime;
using static OutpostServerless.StateMachine.Jsonata.Functions.Builtins;
using static OutpostServerless.StateMachine.Jsonata.Functions.FunctionLibrary;

namespace OutpostServerless.StateMachine.Jsonata.Functions;

/// <summary>JSONata's string functions (lengths and positions count Unicode code points, as jsonata-js does).</summary>
internal static partial class StringFunctions
{
    public static IEnumerable<NativeFunction> All()
    {
        yield return Define("string", 2, (_, a, _) => Arg(a, 0) is null ? null : Arg(a, 0) is string s ? s : StringOf(Arg(a, 0), Arg(a, 1) is true), contextArguments: 1);
        yield return Define("length", 1, (_, a, _) => String(a, 0, "$length") is { } s ? (double)CodePoints(s).Length : null, contextArguments: 1);
        yield return Define("substring", 3, (_, a, _) => Substring(a), contextArguments: 2);
        yield return Define("substringBefore", 2, (_, a, _) => String(a, 0, "$substringBefore") is { } s && String(a, 1, "$substringBefore") is { } chars
            ? s.IndexOf(chars, StringComparison.Ordinal) is var i and >= 0 ? s[..i] : s
            : Arg(a, 0), contextArguments: 2);
        yield return Define("substringAfter", 2, (_, a, _) => String(a, 0, "$substringAfter") is { } s && String(a, 1, "$substringAfter") is { } chars
            ? s.IndexOf(chars, StringComparison.Ordinal) is var i and >= 0 ? s[(i + chars.Length)..] : s
            : Arg(a, 0), contextArguments: 2);
        yield return Define("uppercase", 1, (_, a, _) => String(a, 0, "$uppercase")?.ToUpperInvariant(), contextArguments: 1);
        yield return Define("lowercase", 1, (_, a, _) => String(a, 0, "$lowercase")?.ToLowerInvariant(), contextArguments: 1);
        yield return Define("trim", 1, (_, a, _) => String(a, 0, "$trim") is { } s ? Whitespace().Replace(s, " ").Trim(' ') : null, contextArguments: 1);
        yield return Define("pad", 3, (_, a, _) => Pad(a), contextArguments: 2);
        yield return Define("contains", 2, (_, a, _) => Contains(a), contextArguments: 2);
        yield return Define("split", 3, (_, a, _) => Split(a), contextArguments: 2);
        yield return Define("join", 2, (_, a, _) => Join(a));
        yield return Define("match", 3, (_, a, _) => Match(a), contextArguments: 2);
        yield return Define("replace", 4, Replace, contextArguments: 3);
        yield return Define("base64encode", 1, (_, a, _) => String(a, 0, "$base64encode") is { } s ? Convert.ToBase64String(BinaryBytes(s)) : null, contextArguments: 1);
        yield return Define("base64decode", 1, (_, a, _) => String(a, 0, "$base64decode") is { } s ? BinaryString(Convert.FromBase64String(s)) : null, contextArguments: 1);
        yield return Define("encodeUrlComponent", 1, (_, a, _) => String(a, 0, "$encodeUrlComponent") is { } s ? Uri.EscapeDataString(s) : null, contextArguments: 1);
        yield return Define("encodeUrl", 1, (_, a, _) => String(a, 0, "$encodeUrl") is { } s ? EncodeUri(s) : null, contextArguments: 1);
        yield return Define("decodeUrlComponent", 1, (_, a, _) => String(a, 0, "$decodeUrlComponent") is { } s ? Uri.UnescapeDataString(s) : null, contextArguments: 1);
        yield return Define("decodeUrl", 1, (_, a, _) => String(a, 0, "$decodeUrl") is { } s ? Uri.UnescapeDataString(s) : null, contextArguments: 1);
    }

    private static string? Substring(IReadOnlyList<object?> a)
    {
        if (String(a, 0, "$substring") is not { } s)
        {
            return null;
        }

        var points = CodePoints(s);
        var start = ToInt(Number(a, 1, "$substring") ?? throw SignatureError("$substring", 1));
        if (points.Length + start < 0)
        {
            start = 0;
        }

        var from = start < 0 ? points.Length + start : Math.Min(start, points.Length);
        if (Number(a, 2, "$substring") is { } length)
        {
            if (length <= 0)
            {
                return string.Empty;
            }

            var end = Math.Min(points.Length, from + ToInt(length));
            return end <= from ? string.Empty : string.Concat(points[from..end]);
        }

        return string.Concat(points[from..]);
    }

    private static string? Pad(IReadOnlyList<object?> a)
    {
        if (String(a, 0, "$pad") is not { } s)
        {
            return null;
        }

        var width = ToInt(Number(a, 1, "$pad") ?? throw SignatureError("$pad", 1));
        var padding = String(a, 2, "$pad") is { Length: > 0 } p ? p : " ";
        var points = CodePoints(s).Length;
        var missing = Math.Abs(width) - points;
        if (missing <= 0)
        {
            return s;
        }

        var fill = new StringBuilder();
        var padPoints = CodePoints(padding);
        for (var i = 0; i < missing; i++)
        {
            fill.Append(padPoints[i % padPoints.Length]);
        }

        return width > 0 ? s + fill : fill + s;
    }

    private static object? Contains(IReadOnlyList<object?> a)
    {
        if (String(a, 0, "$contains") is not { } s)
        {
            return null;
        }

        return Arg(a, 1) switch
        {
            string text => Values.Bool(s.Contains(text, StringComparison.Ordinal)),
            RegexFunction regex => Values.Bool(regex.Regex.IsMatch(s)),
            _ => throw SignatureError("$contains", 1),
        };
    }

    private static JArray? Split(IReadOnlyList<object?> a)
    {
        if (String(a, 0, "$split") is not { } s)
        {
            return null;
        }

        var limit = Number(a, 2, "$split");
        if (limit < 0)
        {
            throw new JsonataException("D3020", "Third argument of split function must evaluate to a positive number");
        }

        IEnumerable<string> parts = Arg(a, 1) switch
        {
            "" => CodePoints(s),
            string separator => s.Split(separator),
            RegexFunction regex => SplitOn(s, regex),
            _ => throw SignatureError("$split", 1),
        };
        if (limit is { } max)
        {
            parts = parts.Take(ToInt(max));
        }

        return new JArray(parts);
    }

    /// <summary>Node's "binary" encoding, which jsonata-js's base64 functions use: one byte per UTF-16 unit (its low byte).</summary>
    private static byte[] BinaryBytes(string s)
    {
        var bytes = new byte[s.Length];
        for (var i = 0; i < s.Length; i++)
        {
            bytes[i] = unchecked((byte)s[i]);
        }

        return bytes;
    }

    private static string BinaryString(byte[] bytes) => string.Create(bytes.Length, bytes, static (span, b) =>
    {
        for (var i = 0; i < b.Length; i++)
        {
            span[i] = (char)b[i];
        }
    });

    private static List<string> SplitOn(string s, RegexFunction regex)
    {
        var parts = new List<string>();
        var from = 0;
        foreach (var match in regex.Matches(s))
        {
            parts.Add(s[from..match.Index]);
            from = match.Index + match.Length;
        }

        parts.Add(s[from..]);
        return parts;
    }

    private static string? Join(IReadOnlyList<object?> a)
    {
        var items = Array(a, 0);
        if (items is null)
        {
            return null;
        }

        if (!items.TrueForAll(i => i is string))
        {
            throw new JsonataException("T0412", "Argument 1 of function $join must be an array of strings");
        }

        return string.Join(String(a, 1, "$join") ?? string.Empty, items.Cast<string>());
    }

    private static JArray? Match(IReadOnlyList<object?> a)
    {
        if (String(a, 0, "$match") is not { } s)
        {
            return null;
        }

        if (Arg(a, 1) is not RegexFunction regex)
        {
            throw SignatureError("$match", 1);
        }

        var limit = Number(a, 2, "$match");
        if (limit < 0)
        {
            throw new JsonataException("D3040", "Third argument of match function must evaluate to a positive number");
        }

        var results = JArray.Sequence();
        foreach (var match in regex.Matches(s))
        {
            if (limit is { } max && results.Count >= max)
            {
                break;
            }

            results.Add(RegexFunction.MatchObject(match));
        }

        return results;
    }

    private static object? Replace(Interpreter interpreter, IReadOnlyList<object?> a, object? context)
    {
        if (String(a, 0, "$replace") is not { } s)
        {
            return null;
        }

        var limit = Number(a, 3, "$replace");
        if (limit < 0)
        {
            throw new JsonataException("D3011", "Fourth argument of replace function must evaluate to a positive number");
        }

        var count = limit is { } l ? ToInt(l) : int.MaxValue;
        var replacement = Arg(a, 2);
        if (replacement is not (string or JFunction))
        {
            throw SignatureError("$replace", 2);
        }

        switch (Arg(a, 1))
        {
            case "":
                throw new JsonataException("D3010", "Second argument of replace function cannot be an empty string");
            case string pattern:
                var text = new StringBuilder();
                var position = 0;
                var done = 0;
                while (done < count && s.IndexOf(pattern, position, StringComparison.Ordinal) is var found and >= 0)
                {
                    text.Append(s, position, found - position);
                    text.Append(replacement is string r ? r : ReplacementOf(interpreter, (JFunction)replacement, new JObject { ["match"] = pattern, ["index"] = (double)found, ["groups"] = new JArray() }, context));
                    position = found + pattern.Length;
                    done++;
                }

                return text.Append(s, position, s.Length - position).ToString();
            case RegexFunction regex:
                var replaced = new StringBuilder();
                var from = 0;
                foreach (var match in regex.Matches(s).Take(count))
                {
                    replaced.Append(s, from, match.Index - from);
                    replaced.Append(replacement is string template
                        ? Substitute(template, match)
                        : ReplacementOf(interpreter, (JFunction)replacement, RegexFunction.MatchObject(match), context));
                    from = match.Index + match.Length;
                }

                return replaced.Append(s, from, s.Length - from).ToString();
            default:
                throw SignatureError("$replace", 1);
        }
    }

    private static string ReplacementOf(Interpreter interpreter, JFunction function, object? match, object? context) =>
        interpreter.CallBack(function, context, match) as string
            ?? throw new JsonataException("D3012", "Attempted to replace a matched string with a non-string value");

    /// <summary>JSONata replacement text: <c>$$</c> is a dollar, <c>$n</c> the n-th group (the longest number that names a group).</summary>
    private static string Substitute(string template, Match match)
    {
        var text = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '$' || i + 1 >= template.Length)
            {
                text.Append(template[i]);
                continue;
            }

            if (template[i + 1] == '$')
            {
                text.Append('$');
                i++;
                continue;
            }

            var end = i + 1;
            while (end < template.Length && char.IsAsciiDigit(template[end]))
            {
                end++;
            }

            if (end == i + 1)
            {
                text.Append('$');
                continue;
            }

            var digits = template[(i + 1)..end];
            while (digits.Length > 1 && int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) >= match.Groups.Count)
            {
                digits = digits[..^1];
            }

            var group = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
            if (group < match.Groups.Count)
            {
                text.Append(match.Groups[group].Value);
            }

            text.Append(template, i + 1 + digits.Length, end - (i + 1 + digits.Length));
            i = end - 1;
        }

        return text.ToString();
    }

    /// <summary>JavaScript's encodeURI: escapes all but the URI's reserved and unreserved characters.</summary>
    private static string EncodeUri(string text)
    {
        const string Keep = ";,/?:@&=+$-_.!~*'()#";
        var result = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || Keep.Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                result.Append((char)rune.Value);
            }
            else
            {
                result.Append(Uri.EscapeDataString(rune.ToString()));
            }
        }

        return result.ToString();
    }

    [GeneratedRegex(@"[ \t\n\r]+")]
    private static partial Regex Whitespace();
}
