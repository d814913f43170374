using System.Text.Json.Nodes;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Bench;

/// <summary>What one benchmark runs: <see cref="Executions"/> executions of a definition, spread over <see cref="Partitions"/> virtual clocks.</summary>
public sealed record BenchSettings
{
    public required StateMachineDefinition Definition { get; init; }

    public required ITaskInvoker Invoker { get; init; }

    public JsonNode? Input { get; init; }

    public int Executions { get; init; } = 10_000;

    /// <summary>
    /// Independent virtual clocks, each running its share of the executions concurrently. A clock runs one
    /// strand at a time, so one clock per core is what lets executions use every core.
    /// </summary>
    public int Partitions { get; init; } = Environment.ProcessorCount;

    /// <summary>Executions run (and discarded) first, so JIT compilation is not measured.</summary>
    public int Warmup { get; init; } = 500;
}
