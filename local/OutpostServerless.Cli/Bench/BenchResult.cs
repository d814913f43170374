using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Bench;

/// <summary>The figures of one benchmark run.</summary>
public sealed record BenchResult(
    int Executions,
    int Succeeded,
    long StateTransitions,
    TimeSpan Elapsed,
    long AllocatedBytes,
    int Partitions)
{
    /// <summary>Processor time the whole process used while measuring (all cores together).</summary>
    public TimeSpan CpuTime { get; init; }

    public double ExecutionsPerSecond => Executions / Elapsed.TotalSeconds;

    /// <summary>Executions per second of processor time: the rate a dedicated core would give, whatever else the machine runs.</summary>
    public double ExecutionsPerCpuSecond => CpuTime > TimeSpan.Zero ? Executions / CpuTime.TotalSeconds : 0;

    public double TransitionsPerSecond => StateTransitions / Elapsed.TotalSeconds;

    public double AllocatedBytesPerExecution => (double)AllocatedBytes / Executions;

    public double TransitionsPerExecution => (double)StateTransitions / Executions;

    public JsonObject ToJson() => new()
    {
        ["executions"] = Executions,
        ["succeeded"] = Succeeded,
        ["partitions"] = Partitions,
        ["stateTransitions"] = StateTransitions,
        ["elapsedMilliseconds"] = Math.Round(Elapsed.TotalMilliseconds, 1),
        ["executionsPerSecond"] = Math.Round(ExecutionsPerSecond, 1),
        ["stateTransitionsPerSecond"] = Math.Round(TransitionsPerSecond, 1),
        ["allocatedBytesPerExecution"] = Math.Round(AllocatedBytesPerExecution),
        ["cpuMilliseconds"] = Math.Round(CpuTime.TotalMilliseconds, 1),
        ["executionsPerCpuSecond"] = Math.Round(ExecutionsPerCpuSecond, 1),
    };
}
