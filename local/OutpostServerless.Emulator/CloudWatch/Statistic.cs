using System.Globalization;

namespace OutpostServerless.Emulator.CloudWatch;

/// <summary>CloudWatch statistics over one period's datapoints: Average, Minimum, Maximum, Sum, SampleCount, pNN.</summary>
internal static class Statistic
{
    public static bool IsKnown(string stat) => stat is "Average" or "Minimum" or "Maximum" or "Sum" or "SampleCount" || Percentile(stat) is not null;

    public static double Of(string stat, IReadOnlyList<double> values) => stat switch
    {
        "Average" => values.Average(),
        "Minimum" => values.Min(),
        "Maximum" => values.Max(),
        "Sum" => values.Sum(),
        "SampleCount" => values.Count,
        _ => NearestRank(values, Percentile(stat)!.Value),
    };

    private static double? Percentile(string stat) =>
        stat.Length > 1 && stat[0] == 'p' && double.TryParse(stat.AsSpan(1), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100 ? p : null;

    private static double NearestRank(IReadOnlyList<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
