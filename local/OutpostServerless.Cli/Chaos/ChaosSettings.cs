namespace OutpostServerless.Cli.Chaos;

/// <summary>How many chaos runs, how hard, from which seed, and how many at a time.</summary>
public sealed record ChaosSettings
{
    public int Runs { get; init; } = 100;
    /// <summary>The probability that a step attempt (one Lambda invocation) meets a fault; also of a disconnection and of capacity taken, per run.</summary>
    public double FaultRate { get; init; } = 0.2;
    public long Seed { get; init; } = 1;
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
