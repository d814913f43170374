using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Local;

/// <summary>One local provisioning run: the request and how the emulated Outpost should look.</summary>
public sealed record LocalRunSettings
{
    public required JsonNode? Request { get; init; }
    /// <summary>The execution name; the provisioning id when the request names none.</summary>
    public required string ExecutionName { get; init; }
    /// <summary>Free slots of the requested instance type now; null keeps the emulator's (ample) default.</summary>
    public int? Capacity { get; init; }
    /// <summary>Virtual seconds after the start at which enough slots appear.</summary>
    public int? CapacityArrivesAfterSeconds { get; init; }
    /// <summary>Where the emulated world is loaded from (if it exists) and saved to.</summary>
    public string? StateFile { get; init; }
    /// <summary>AWS failures to rehearse, injected into the emulator before the run starts.</summary>
    public IReadOnlyList<FaultSpec> Faults { get; init; } = [];
}
