using System.Globalization;
using System.Text;

namespace OutpostServerless.StateMachine.Jsonata.Functions;

/// <summary>
/// XPath date/time picture strings for $fromMillis and $now, e.g. <c>[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01]</c>:
/// components Y M D d F W H h P m s f Z z, with digit widths, names (N, n, Nn), ordinals (o) and width ranges.
/// </summary>
internal static class DatePicture
{
    public static string Format(DateTimeOffset value, string picture)
    {
        var result = new StringBuilder();
        for (var i = 0; i < picture.Length; i++)
        {
            var c = picture[i];
            if (c == '[' && i + 1 < picture.Length && picture[i + 1] == '[')
            {
                result.Append('[');
                i++;
            }
            else if (c == ']' && i + 1 < picture.Length && picture[i + 1] == ']')
            {
                result.Append(']');
                i++;
            }
            else if (c == '[')
            {
                var end = picture.IndexOf(']', i);
                if (end < 0)
                {
                    throw new JsonataException("D3135", "No matching closing bracket ']' in date/time picture string");
                }

                result.Append(Component(value, string.Concat(picture[(i + 1)..end].Where(ch => !char.IsWhiteSpace(ch)))));
                i = end;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static string Component(DateTimeOffset value, string marker)
    {
        if (marker.Length == 0)
        {
            throw new JsonataException("D3132", "Unknown component specifier in date/time picture string");
        }

        var specifier = marker[0];
        var rest = marker[1..];
        string? width = null;
        var comma = rest.LastIndexOf(',');
        if (comma >= 0)
        {
            width = rest[(comma + 1)..];
            rest = rest[..comma];
        }

        var ordinal = rest.Length > 0 && rest[^1] == 'o' && rest != "o";
        if (ordinal)
        {
            rest = rest[..^1];
        }

        var (minWidth, maxWidth) = Widths(width);
        var isoDay = value.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)value.DayOfWeek;
        var thursday = value.Date.AddDays(4 - isoDay);
        switch (specifier)
        {
            case 'Y':
                // §9.8.4.4: a year shown in n digits (by its picture, else its width) is the year modulo 10^n.
                var explicitDigits = rest.Count(c => char.IsAsciiDigit(c) || c == '#');
                var yearDigits = explicitDigits >= 2 ? explicitDigits : explicitDigits == 0 && width is not null ? maxWidth ?? minWidth ?? 0 : 0;
                var year = yearDigits > 0 ? value.Year % (int)Math.Pow(10, yearDigits) : value.Year;
                return Numeric(year, rest.Length == 0 ? new string('0', Math.Max(yearDigits, 1)) : rest, minWidth, ordinal);
            case 'M':
                return Name(rest, CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(value.Month), maxWidth)
                    ?? Numeric(value.Month, rest.Length == 0 ? "1" : rest, minWidth, ordinal);
            case 'D':
                return Numeric(value.Day, rest.Length == 0 ? "1" : rest, minWidth, ordinal);
            case 'd':
                return Numeric(value.DayOfYear, rest.Length == 0 ? "1" : rest, minWidth, ordinal);
            case 'F':
                return Name(rest.Length == 0 ? "n" : rest, CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(value.DayOfWeek), maxWidth)
                    ?? Numeric(isoDay, rest, minWidth, ordinal);
            case 'W':
                return Numeric(ISOWeek.GetWeekOfYear(value.DateTime), rest.Length == 0 ? "1" : rest, minWidth, ordinal);
            case 'X':
                return Numeric(ISOWeek.GetYear(value.DateTime), rest.Length == 0 ? "1" : rest, minWidth, ordinal);
            case 'w':
                // ISO weeks run Monday to Sunday and belong to the month their Thursday is in.
                return Numeric(((thursday.Day - 1) / 7) + 1, rest.Length == 0 ? "1" : rest, minWidth, ordinal);
            case 'x':
                return Name(rest, CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(thursday.Month), maxWidth)
                    ?? Numeric(thursday.Month, rest.Length == 0 ? "1" : rest, minWidth, ordinal);
            case 'H':
                return Numeric(value.Hour, rest.Length == 0 ? "1" : rest, minWidth, ordinal);
            case 'h':
                var hour = value.Hour % 12;
                return Numeric(hour == 0 ? 12 : hour, rest.Length == 0 ? "1" : rest, minWidth, ordinal);
            case 'P':
                var marker2 = value.Hour < 12 ? "am" : "pm";
                return rest == "N" ? marker2.ToUpperInvariant() : marker2;
            case 'm':
                return Numeric(value.Minute, rest.Length == 0 ? "01" : rest, minWidth, ordinal);
            case 's':
                return Numeric(value.Second, rest.Length == 0 ? "01" : rest, minWidth, ordinal);
            case 'f':
                // jsonata-js formats the milliseconds as an integer in the picture's digits (so [f0001] is "0678").
                return Numeric(value.Millisecond, rest.Length == 0 ? "1" : rest, null, ordinal);
            case 'Z' or 'z':
                return Zone(value.Offset, rest, specifier == 'z');
            case 'E' or 'C':
                return "ISO";
            default:
                throw new JsonataException("D3132", $"Unknown component specifier {specifier} in date/time picture string");
        }
    }

    private static (int? Min, int? Max) Widths(string? width)
    {
        if (width is null)
        {
            return (null, null);
        }

        var parts = width.Split('-');
        static int? Parse(string text) => text is "*" or "" ? null : int.Parse(text, CultureInfo.InvariantCulture);
        return (Parse(parts[0]), parts.Length > 1 ? Parse(parts[1]) : null);
    }

    private static string? Name(string modifier, string name, int? maxWidth)
    {
        var text = modifier switch
        {
            "N" => name.ToUpperInvariant(),
            "n" => name.ToLowerInvariant(),
            "Nn" => name,
            _ => null,
        };
        return text is not null && maxWidth is { } max && text.Length > max ? text[..max] : text;
    }

    /// <summary>A number in a $formatInteger picture (digits, words, roman numerals, letters), padded to the minimum width.</summary>
    private static string Numeric(int number, string modifier, int? minWidth, bool ordinal)
    {
        var picture = modifier.Length == 0 ? "1" : modifier;
        if (picture.All(c => char.IsAsciiDigit(c) || c == '#') && minWidth is { } min && picture.Count(char.IsAsciiDigit) < min)
        {
            picture = new string('0', min);
        }

        return FormatFunctions.FormatInteger(number, ordinal ? picture + ";o" : picture);
    }

    public static string OrdinalSuffix(long number) => (number % 100) switch
    {
        11 or 12 or 13 => "th",
        _ => (number % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        },
    };

    /// <summary>A timezone like jsonata-js: <c>01:01</c> "+05:30", <c>0</c> "+5:30", <c>0101</c> "+0530", <c>01</c> "+05"; a trailing <c>t</c> writes UTC as "Z".</summary>
    private static string Zone(TimeSpan offset, string modifier, bool gmt)
    {
        var picture = modifier.Length == 0 ? "01:01" : modifier;
        if (picture.EndsWith('t'))
        {
            if (offset == TimeSpan.Zero)
            {
                return "Z";
            }

            picture = picture[..^1];
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var hours = Math.Abs(offset.Hours);
        var minutes = Math.Abs(offset.Minutes).ToString("00", CultureInfo.InvariantCulture);
        var colon = picture.IndexOf(':', StringComparison.Ordinal);
        var body = colon >= 0
            ? $"{hours.ToString(CultureInfo.InvariantCulture).PadLeft(colon, '0')}:{minutes}"
            : picture.Length switch
            {
                1 => offset.Minutes == 0 ? hours.ToString(CultureInfo.InvariantCulture) : $"{hours}:{minutes}",
                2 => offset.Minutes == 0 ? hours.ToString("00", CultureInfo.InvariantCulture) : $"{hours:00}:{minutes}",
                _ => $"{hours.ToString(CultureInfo.InvariantCulture).PadLeft(picture.Length - 2, '0')}{minutes}",
            };
        return (gmt ? "GMT" : string.Empty) + sign + body;
    }
}
