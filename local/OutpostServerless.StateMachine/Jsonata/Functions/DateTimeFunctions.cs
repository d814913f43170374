using System.Globalization;
using OutpostServerless.StateMachine.Jsonata.Runtime;
using static OutpostServerless.StateMachine.Jsonata.Functions.Builtins;
using static OutpostServerless.StateMachine.Jsonata.Functions.FunctionLibrary;

namespace OutpostServerless.StateMachine.Jsonata.Functions;

/// <summary>
/// $now, $millis, $fromMillis, $toMillis on the execution's clock. Pictures (XPath date formatting) are
/// supported for formatting; $toMillis reads ISO 8601 timestamps only (no picture).
/// </summary>
internal static partial class DateTimeFunctions
{
    public static IEnumerable<NativeFunction> All()
    {
        yield return Define("now", 2, (interpreter, a, _) => Format(interpreter.Environment.Now, String(a, 0, "$now"), String(a, 1, "$now")));
        yield return Define("millis", 0, (interpreter, _, _) => (double)interpreter.Environment.Now.ToUnixTimeMilliseconds());
        yield return Define("fromMillis", 3, (_, a, _) => Number(a, 0, "$fromMillis") is { } ms
            ? Format(DateTimeOffset.FromUnixTimeMilliseconds((long)ms) /* truncated, as JS Date does */, String(a, 1, "$fromMillis"), String(a, 2, "$fromMillis"))
            : null, contextArguments: 1);
        yield return Define("toMillis", 2, (_, a, _) => ToMillis(String(a, 0, "$toMillis"), String(a, 1, "$toMillis")), contextArguments: 1);
    }

    private static string Format(DateTimeOffset instant, string? picture, string? timezone)
    {
        var offset = ParseTimezone(timezone);
        var local = instant.ToOffset(offset);
        return picture is null
            ? local.Offset == TimeSpan.Zero
                ? local.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
                : local.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture)
            : DatePicture.Format(local, picture);
    }

    private static TimeSpan ParseTimezone(string? timezone)
    {
        if (string.IsNullOrEmpty(timezone))
        {
            return TimeSpan.Zero;
        }

        var sign = timezone[0] == '-' ? -1 : 1;
        var digits = timezone.TrimStart('+', '-');
        if (digits.Length == 4 && int.TryParse(digits[..2], CultureInfo.InvariantCulture, out var hours) && int.TryParse(digits[2..], CultureInfo.InvariantCulture, out var minutes))
        {
            return sign * new TimeSpan(hours, minutes, 0);
        }

        throw new JsonataException("D3134", $"The timezone argument must be a string of the form ±HHMM, got {timezone}");
    }

    private static double? ToMillis(string? timestamp, string? picture)
    {
        if (timestamp is null)
        {
            return null;
        }

        if (picture is not null)
        {
            throw new JsonataException("D3136", "$toMillis with a picture string is not supported by this JSONata engine");
        }

        if (!Iso8601().IsMatch(timestamp))
        {
            throw new JsonataException("D3110", $"The argument of the toMillis function must be an ISO 8601 formatted timestamp. Given {timestamp}");
        }

        // Date.parse reads a bare year or year-month as the first of that period, UTC; so does a zoneless
        // date-time here (Lambda, where jsonata-js runs for Step Functions, is on UTC).
        var complete = timestamp.Length switch
        {
            4 => timestamp + "-01-01",
            7 => timestamp + "-01",
            _ => timestamp,
        };
        return DateTimeOffset.TryParse(complete, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed.ToUnixTimeMilliseconds()
            : null;
    }

    /// <summary>jsonata-js's test for a timestamp <c>$toMillis</c> accepts without a picture.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}(-[01]\d)*(-[0-3]\d)*(T[0-2]\d:[0-5]\d:[0-5]\d)*(\.\d+)?([+-][0-2]\d:?[0-5]\d|Z)?$")]
    private static partial System.Text.RegularExpressions.Regex Iso8601();
}
