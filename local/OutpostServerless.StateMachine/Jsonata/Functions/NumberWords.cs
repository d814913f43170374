using System.Text;

namespace OutpostServerless.StateMachine.Jsonata.Functions;

/// <summary>English number words for $formatInteger/$parseInteger pictures "w", "W" and "Ww" (cardinal and ordinal).</summary>
internal static class NumberWords
{
    private static readonly string[] Small =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly (long Value, string Name)[] Scales = [(1_000_000_000_000_000_000, "quintillion"), (1_000_000_000_000_000, "quadrillion"), (1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand"), (100, "hundred")];

    private static readonly Dictionary<string, string> Ordinals = new(StringComparer.Ordinal)
    {
        ["one"] = "first", ["two"] = "second", ["three"] = "third", ["five"] = "fifth", ["eight"] = "eighth", ["nine"] = "ninth", ["twelve"] = "twelfth",
    };

    public static string ToWords(long value, bool ordinal)
    {
        var words = value < 0 ? "minus " + Cardinal(-value) : Cardinal(value);
        if (!ordinal)
        {
            return words;
        }

        var lastSpace = Math.Max(words.LastIndexOf(' '), words.LastIndexOf('-'));
        var head = words[..(lastSpace + 1)];
        var tail = words[(lastSpace + 1)..];
        return head + (Ordinals.TryGetValue(tail, out var special) ? special : tail.EndsWith('y') ? tail[..^1] + "ieth" : tail + "th");
    }

    public static long FromWords(string text)
    {
        long total = 0;
        long current = 0;
        foreach (var raw in text.ToLowerInvariant().Replace(",", " ", StringComparison.Ordinal).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = Ordinals.FirstOrDefault(p => p.Value == raw).Key ?? (raw.EndsWith("ieth", StringComparison.Ordinal) ? raw[..^4] + "y" : raw.EndsWith("th", StringComparison.Ordinal) && raw.Length > 4 ? raw[..^2] : raw);
            if (word == "and")
            {
                continue;
            }

            var small = Array.IndexOf(Small, word);
            var tens = Array.IndexOf(Tens, word);
            if (small >= 0)
            {
                current += small;
            }
            else if (tens >= 2)
            {
                current += tens * 10;
            }
            else if (word == "hundred")
            {
                current *= 100;
            }
            else if (Scales.FirstOrDefault(s => s.Name == word) is { Value: > 0 } scale)
            {
                total += current * scale.Value;
                current = 0;
            }
            else
            {
                throw new JsonataException("D3135", $"'{raw}' is not an English number word");
            }
        }

        return total + current;
    }

    private static string Cardinal(long value)
    {
        if (value < 20)
        {
            return Small[value];
        }

        if (value < 100)
        {
            return Tens[value / 10] + (value % 10 == 0 ? string.Empty : "-" + Small[value % 10]);
        }

        foreach (var (scale, name) in Scales)
        {
            if (value >= scale)
            {
                var text = new StringBuilder(Cardinal(value / scale)).Append(' ').Append(name);
                var rest = value % scale;
                if (rest > 0)
                {
                    text.Append(rest < 100 ? " and " : ", ").Append(Cardinal(rest));
                }

                return text.ToString();
            }
        }

        return Small[0];
    }
}
