namespace OutpostServerless.Cli.Bench;

/// <summary>One client's latencies for one operation: how many calls, median and p99 (nearest rank), mean.</summary>
public sealed record WireBenchLatency(string Operation, string Client, int Calls, double MedianMilliseconds, double P99Milliseconds, double MeanMilliseconds)
{
    public static WireBenchLatency Of(string operation, string client, IReadOnlyList<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        if (milliseconds.Count == 0)
        {
            throw new ArgumentException("No call was timed.", nameof(milliseconds));
        }

        var sorted = milliseconds.Order().ToArray();
        return new WireBenchLatency(operation, client, sorted.Length, NearestRank(sorted, 0.50), NearestRank(sorted, 0.99), sorted.Average());
    }

    /// <summary>The smallest value with at least <paramref name="fraction"/> of the values at or below it.</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
