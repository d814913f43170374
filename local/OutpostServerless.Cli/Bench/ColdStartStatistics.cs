namespace OutpostServerless.Cli.Bench;

/// <summary>The figures over a variant's starts: median and p99 (nearest rank) of the start time, and the peak RSS.</summary>
public sealed record ColdStartStatistics(
    string Variant,
    int Starts,
    double MedianMilliseconds,
    double P99Milliseconds,
    double MinMilliseconds,
    double MaxMilliseconds,
    double? MedianPeakResidentMegabytes,
    double? MaxPeakResidentMegabytes)
{
    public static ColdStartStatistics From(string variant, IReadOnlyList<ColdStartSample> samples)
    {
        ArgumentOutOfRangeException.ThrowIfZero(samples.Count);
        var times = samples.Select(s => s.StartToFirstResponse.TotalMilliseconds).Order().ToArray();
        var memory = samples.Where(s => s.PeakResidentBytes is not null).Select(s => s.PeakResidentBytes!.Value / (1024.0 * 1024.0)).Order().ToArray();
        return new ColdStartStatistics(
            variant,
            samples.Count,
            Median(times),
            NearestRank(times, 0.99),
            times[0],
            times[^1],
            memory.Length == 0 ? null : Median(memory),
            memory.Length == 0 ? null : memory[^1]);
    }

    /// <summary>The value at rank ⌈p·n⌉ of the sorted values.</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
