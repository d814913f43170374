using System.Globalization;
using System.Text.RegularExpressions;

namespace OutpostServerless.StateMachine.Json;

/// <summary>
/// Timestamps in the States Language profile of RFC 3339: an uppercase T between date and time and an
/// uppercase Z or a numeric offset, e.g. 2016-03-14T01:59:00Z or 2016-03-14T01:59:00.123-05:00.
/// </summary>
internal static partial class Rfc3339
{
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        // DateTimeOffset parses at most 7 fractional digits; finer digits cannot change the comparison.
        var fraction = match.Groups["fraction"].Value;
        var normalized = match.Groups["main"].Value
            + (fraction.Length > 0 ? "." + fraction[..Math.Min(fraction.Length, 7)] : string.Empty)
            + (match.Groups["zone"].Value == "Z" ? "+00:00" : match.Groups["zone"].Value);
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>The form Step Functions prints, e.g. in <c>$$.Execution.StartTime</c>: milliseconds and a Z.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<main>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(?<fraction>\d+))?(?<zone>Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
