using System.Text.Json.Nodes;

namespace OutpostServerless.Local.StateFiles;

/// <summary>What a state file holds: the emulated world, and the executions the local commands ran on it.</summary>
public sealed record StateFileDocument
{
    /// <summary><see cref="OutpostServerless.Emulator.EmulatedCloud.SaveState"/>'s document.</summary>
    public required JsonObject World { get; init; }
    /// <summary>Oldest first, as Step Functions keeps each state machine's executions.</summary>
    public IReadOnlyList<LocalExecutionRecord> Executions { get; init; } = [];
}
