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
        var comma = rest.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            width = rest[(comma + 1)..];
            rest = rest[..comma];
        }

        var ordinal = rest.EndsWith('o');
        if (ordinal)
        {
            rest = rest[..^1];
        }

        var (minWidth, maxWidth) = Widths(width);
        switch (specifier)
        {
            case 'Y':
                var year = value.Year;
                if (maxWidth == 2)
                {
                    year %= 100;
                }

                return Numeric(year, rest.Length == 0 ? "1" : rest, minWidth, ordinal);
            case 'M':
                return Name(rest, CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(value.Month), maxWidth)
                    ?? Numeric(value.Month, rest.Length == 0 ? "1" : rest, minWidth, ordinal);
            case 'D':
                return Numeric(value.Day, rest.Length == 0 ? "1" : rest, minWidth, ordinal);
            case 'd':
                return Numeric(value.DayOfYear, rest.Length == 0 ? "1" : rest, minWidth, ordinal);
            case 'F':
                var isoDay = value.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)value.DayOfWeek;
                return Name(rest.Length == 0 ? "n" : rest, CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(value.DayOfWeek), maxWidth)
                    ?? Numeric(isoDay, rest, minWidth, ordinal);
            case 'W':
                return Numeric(ISOWeek.GetWeekOfYear(value.DateTime), rest.Length == 0 ? "1" : rest, minWidth, ordinal);
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
                var digits = Math.Max(rest.Length, minWidth ?? 1);
                var fraction = (value.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture);
                return digits <= 7 ? fraction[..digits] : fraction.PadRight(digits, '0');
            case 'Z' or 'z':
                return Zone(value.Offset, rest, specifier == 'z');
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

    private static string Numeric(int number, string modifier, int? minWidth, bool ordinal)
    {
        var pad = modifier.Count(char.IsAsciiDigit);
        var text = number.ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(pad, minWidth ?? 0), '0');
        if (modifier.Contains(',', StringComparison.Ordinal) && number >= 1000)
        {
            text = number.ToString("#,##0", CultureInfo.InvariantCulture);
        }

        return ordinal ? text + OrdinalSuffix(number) : text;
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

    private static string Zone(TimeSpan offset, string modifier, bool gmt)
    {
        if (modifier == "Z" && offset == TimeSpan.Zero)
        {
            return "Z";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var hours = Math.Abs(offset.Hours).ToString(CultureInfo.InvariantCulture);
        var minutes = Math.Abs(offset.Minutes).ToString("00", CultureInfo.InvariantCulture);
        var body = modifier switch
        {
            "0101" => $"{hours.PadLeft(2, '0')}{minutes}",
            "0" => offset.Minutes == 0 ? hours : $"{hours}:{minutes}",
            _ => $"{hours.PadLeft(2, '0')}:{minutes}",
        };
        return (gmt ? "GMT" : string.Empty) + sign + body;
    }
}
