namespace OutpostServerless.Cli.Chaos;

/// <summary>A summary of one number over many runs: nearest-rank percentiles, the extremes and the mean.</summary>
public sealed record Distribution(int Count, double Min, double P50, double P90, double P99, double Max, double Mean)
{
    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Distribution(0, 0, 0, 0, 0, 0, 0);
        }

        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Distribution(sorted.Length, sorted[0], Rank(0.5), Rank(0.9), Rank(0.99), sorted[^1], Math.Round(sorted.Average(), 2));
    }
}
