using System.Globalization;
using System.Text;
using OutpostServerless.StateMachine.Jsonata.Runtime;
using static OutpostServerless.StateMachine.Jsonata.Functions.Builtins;
using static OutpostServerless.StateMachine.Jsonata.Functions.FunctionLibrary;

namespace OutpostServerless.StateMachine.Jsonata.Functions;

/// <summary>
/// $formatNumber (XPath decimal-format pictures: 0 # , . % ‰ e and a ';' negative sub-picture),
/// $formatBase, $formatInteger and $parseInteger (digits with grouping, a/A letters, i/I roman, w/W/Ww words, ';o' ordinals).
/// </summary>
internal static class FormatFunctions
{
    public static IEnumerable<NativeFunction> All()
    {
        yield return Define("formatNumber", 3, (_, a, _) => Number(a, 0, "$formatNumber") is { } n
            ? FormatNumber(n, String(a, 1, "$formatNumber") ?? throw SignatureError("$formatNumber", 1), Arg(a, 2) as JObject)
            : null, contextArguments: 2);
        yield return Define("formatBase", 2, (_, a, _) => Number(a, 0, "$formatBase") is { } n ? FormatBase(n, Number(a, 1, "$formatBase") ?? 10) : null, contextArguments: 1);
        yield return Define("formatInteger", 2, (_, a, _) => Number(a, 0, "$formatInteger") is { } n
            ? FormatInteger((long)Math.Floor(n), String(a, 1, "$formatInteger") ?? throw SignatureError("$formatInteger", 1))
            : null, contextArguments: 2);
        yield return Define("parseInteger", 2, (_, a, _) => String(a, 0, "$parseInteger") is { } s
            ? ParseInteger(s, String(a, 1, "$parseInteger") ?? throw SignatureError("$parseInteger", 1))
            : null, contextArguments: 2);
    }

    private static string FormatBase(double number, double radix)
    {
        var r = (int)Math.Round(radix);
        if (r is < 2 or > 36)
        {
            throw new JsonataException("D3100", $"The radix of the formatBase function must be between 2 and 36.  It was given {JsNumber.Format(radix)}");
        }

        var value = (long)NumericFunctions.Round(number, 0);
        if (value == 0)
        {
            return "0";
        }

        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var negative = value < 0;
        var magnitude = (ulong)Math.Abs(value);
        var text = new StringBuilder();
        while (magnitude > 0)
        {
            text.Insert(0, Digits[(int)(magnitude % (ulong)r)]);
            magnitude /= (ulong)r;
        }

        return (negative ? "-" : string.Empty) + text;
    }

    private static string FormatNumber(double value, string picture, JObject? options)
    {
        string Option(string key, string fallback) => options is not null && options.TryGetValue(key, out var v) && v is string s ? s : fallback;
        var decimalSeparator = Option("decimal-separator", ".")[0];
        var groupingSeparator = Option("grouping-separator", ",")[0];
        var exponentSeparator = Option("exponent-separator", "e")[0];
        var percent = Option("percent", "%");
        var perMille = Option("per-mille", "\u2030");
        var zeroDigit = Option("zero-digit", "0")[0];
        var optionalDigit = Option("digit", "#")[0];
        var patternSeparator = Option("pattern-separator", ";")[0];
        if (double.IsNaN(value))
        {
            return Option("NaN", "NaN");
        }

        var parts = picture.Split(patternSeparator);
        if (parts.Length > 2)
        {
            throw new JsonataException("D3080", "The picture string must only contain a maximum of two sub-pictures");
        }

        bool IsDigit(char c) => c >= zeroDigit && c <= zeroDigit + 9;
        bool IsActive(char c) => IsDigit(c) || c == optionalDigit || c == decimalSeparator || c == groupingSeparator || c == exponentSeparator;
        var sub = value < 0 && parts.Length == 2 ? parts[1] : parts[0];
        var first = sub.ToList().FindIndex(c => IsActive(c) && c != exponentSeparator);
        var last = sub.ToList().FindLastIndex(IsActive);
        if (first < 0)
        {
            throw new JsonataException("D3085", "A sub-picture must contain at least one character that is either an optional digit sign or a member of the decimal digit family");
        }

        var prefix = sub[..first];
        var suffix = sub[(last + 1)..];
        var mantissa = sub[first..(last + 1)];
        var exponentAt = mantissa.IndexOf(exponentSeparator);
        var exponentPicture = string.Empty;
        if (exponentAt > 0 && exponentAt + 1 < mantissa.Length && mantissa[(exponentAt + 1)..].All(IsDigit))
        {
            exponentPicture = mantissa[(exponentAt + 1)..];
            mantissa = mantissa[..exponentAt];
        }
        else
        {
            exponentAt = -1;
        }

        var point = mantissa.IndexOf(decimalSeparator);
        var integerPicture = point < 0 ? mantissa : mantissa[..point];
        var fractionPicture = point < 0 ? string.Empty : mantissa[(point + 1)..];
        var minInteger = integerPicture.Count(IsDigit);
        var minFraction = fractionPicture.Count(IsDigit);
        var maxFraction = fractionPicture.Count(c => IsDigit(c) || c == optionalDigit);

        // Grouping: positions counted in digits from the right of the integer part; regular when evenly spaced.
        var groupPositions = new List<int>();
        var digitsSeen = 0;
        for (var i = integerPicture.Length - 1; i >= 0; i--)
        {
            if (integerPicture[i] == groupingSeparator)
            {
                groupPositions.Add(digitsSeen);
            }
            else
            {
                digitsSeen++;
            }
        }

        var regular = groupPositions.Count > 0 && groupPositions.Select((p, i) => p == groupPositions[0] * (i + 1)).All(x => x);
        var number = Math.Abs(value);
        if (double.IsInfinity(number))
        {
            return (value < 0 && parts.Length < 2 ? Option("minus-sign", "-") : string.Empty) + prefix + Option("infinity", "Infinity") + suffix;
        }

        if (prefix.Contains(percent, StringComparison.Ordinal) || suffix.Contains(percent, StringComparison.Ordinal))
        {
            number *= 100;
        }
        else if (prefix.Contains(perMille, StringComparison.Ordinal) || suffix.Contains(perMille, StringComparison.Ordinal))
        {
            number *= 1000;
        }

        var exponent = 0;
        if (exponentAt >= 0 && number != 0)
        {
            var scale = Math.Max(minInteger, 1);
            exponent = (int)Math.Floor(Math.Log10(number)) - (scale - 1);
            number /= Math.Pow(10, exponent);
        }

        var rounded = (decimal)NumericFunctions.Round(number, maxFraction);
        var text = rounded.ToString("F" + maxFraction, CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = dot < 0 ? text : text[..dot];
        var fractionDigits = dot < 0 ? string.Empty : text[(dot + 1)..].TrimEnd('0');
        if (fractionDigits.Length < minFraction)
        {
            fractionDigits = fractionDigits.PadRight(minFraction, '0');
        }

        integerDigits = integerDigits.TrimStart('0');
        if (integerDigits.Length < minInteger)
        {
            integerDigits = integerDigits.PadLeft(minInteger, '0');
        }

        if (integerDigits.Length == 0 && fractionDigits.Length == 0)
        {
            integerDigits = "0";
        }

        var grouped = new StringBuilder();
        for (var i = 0; i < integerDigits.Length; i++)
        {
            var fromRight = integerDigits.Length - i;
            var group = regular ? fromRight % groupPositions[0] == 0 && fromRight != integerDigits.Length : groupPositions.Contains(fromRight) && fromRight != integerDigits.Length;
            if (group)
            {
                grouped.Append(groupingSeparator);
            }

            grouped.Append((char)(integerDigits[i] - '0' + zeroDigit));
        }

        var result = new StringBuilder(grouped.ToString());
        if (fractionDigits.Length > 0)
        {
            result.Append(decimalSeparator).Append(string.Concat(fractionDigits.Select(c => (char)(c - '0' + zeroDigit))));
        }

        if (exponentAt >= 0)
        {
            result.Append(exponentSeparator);
            if (exponent < 0)
            {
                result.Append(Option("minus-sign", "-"));
            }

            result.Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(exponentPicture.Length, '0'));
        }

        var negative = value < 0 && parts.Length < 2 ? Option("minus-sign", "-") : string.Empty;
        return negative + prefix + result + suffix;
    }

    public static string FormatInteger(long value, string picture)
    {
        var (primary, modifier) = SplitModifier(picture);
        var ordinal = modifier.StartsWith('o');
        switch (primary)
        {
            case "A" or "a":
                var letters = Letters(value);
                return primary == "A" ? letters.ToUpperInvariant() : letters;
            case "I" or "i":
                var roman = Roman(value);
                return primary == "I" ? roman : roman.ToLowerInvariant();
            case "W" or "w" or "Ww":
                var words = NumberWords.ToWords(value, ordinal);
                return primary switch
                {
                    "W" => words.ToUpperInvariant(),
                    "w" => words,
                    _ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(words).Replace(" And ", " and ", StringComparison.Ordinal),
                };
        }

        var minDigits = primary.Count(char.IsAsciiDigit);
        var digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture).PadLeft(minDigits, '0');
        var separators = new List<(int Position, char Separator)>();
        var seen = 0;
        for (var i = primary.Length - 1; i >= 0; i--)
        {
            if (char.IsAsciiDigit(primary[i]) || primary[i] == '#')
            {
                seen++;
            }
            else
            {
                separators.Add((seen, primary[i]));
            }
        }

        // Characters after the last digit are no grouping separator; jsonata-js keeps them as they are.
        var trailing = string.Concat(separators.Where(s => s.Position == 0).Select(s => s.Separator).Reverse());
        separators.RemoveAll(s => s.Position == 0);
        var regular = separators.Count > 0 && separators.Select((s, i) => s.Position == separators[0].Position * (i + 1) && s.Separator == separators[0].Separator).All(x => x);
        var result = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            var fromRight = digits.Length - i;
            if (fromRight != digits.Length)
            {
                if (regular && fromRight % separators[0].Position == 0)
                {
                    result.Append(separators[0].Separator);
                }
                else if (!regular && separators.FirstOrDefault(s => s.Position == fromRight) is { Separator: not '\0' } sep)
                {
                    result.Append(sep.Separator);
                }
            }

            result.Append(digits[i]);
        }

        return (value < 0 ? "-" : string.Empty) + result + trailing + (ordinal ? DatePicture.OrdinalSuffix(Math.Abs(value)) : string.Empty);
    }

    private static object ParseInteger(string text, string picture)
    {
        var (primary, modifier) = SplitModifier(picture);
        switch (primary)
        {
            case "A" or "a":
                return (double)text.ToLowerInvariant().Aggregate(0L, (n, c) => (n * 26) + (c - 'a' + 1));
            case "I" or "i":
                return (double)FromRoman(text.ToUpperInvariant());
            case "W" or "w" or "Ww":
                return (double)NumberWords.FromWords(text);
        }

        var digits = string.Concat(text.Where(c => char.IsAsciiDigit(c) || c == '-'));
        if (modifier.StartsWith('o'))
        {
            digits = string.Concat(digits.TakeWhile(c => char.IsAsciiDigit(c) || c == '-'));
        }

        return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? (double)number
            : double.NaN;
    }

    private static (string Primary, string Modifier) SplitModifier(string picture)
    {
        var semicolon = picture.LastIndexOf(';');
        return semicolon < 0 ? (picture, string.Empty) : (picture[..semicolon], picture[(semicolon + 1)..]);
    }

    private static string Letters(long value)
    {
        var text = new StringBuilder();
        while (value > 0)
        {
            value--;
            text.Insert(0, (char)('a' + (value % 26)));
            value /= 26;
        }

        return text.ToString();
    }

    private static readonly (int Value, string Numeral)[] Numerals =
    [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];

    private static string Roman(long value)
    {
        var text = new StringBuilder();
        foreach (var (number, numeral) in Numerals)
        {
            while (value >= number)
            {
                text.Append(numeral);
                value -= number;
            }
        }

        return text.ToString();
    }

    private static long FromRoman(string text)
    {
        long total = 0;
        var i = 0;
        foreach (var (number, numeral) in Numerals)
        {
            while (string.CompareOrdinal(text, i, numeral, 0, numeral.Length) == 0)
            {
                total += number;
                i += numeral.Length;
            }
        }

        return total;
    }
}
