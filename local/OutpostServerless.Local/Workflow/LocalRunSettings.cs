using System.Text.Json.Nodes;
using OutpostServerless.Local.Bootstrap;

namespace OutpostServerless.Local.Workflow;

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
    /// <summary>The command that runs, named as the holder of <see cref="StateFile"/>'s lock.</summary>
    public string Command { get; init; } = "run";
    /// <summary>AWS failures to rehearse, injected into the emulator before the run starts.</summary>
    public IReadOnlyList<FaultSpec> Faults { get; init; } = [];
    /// <summary>How the functions are invoked: in this process, or as bootstrap processes on the emulator's Runtime API.</summary>
    public LambdaMode Lambda { get; init; } = LambdaMode.InProcess;
    /// <summary>The bootstrap <see cref="LambdaMode.Process"/> runs; null takes the JIT one built beside this program.</summary>
    public LocalBootstrap? Bootstrap { get; init; }
    /// <summary>
    /// An AWS (or AWS-compatible, e.g. <c>emulator serve</c>) endpoint the steps reach over HTTP through the
    /// real clients; null runs on the embedded emulator. See <see cref="AwsEndpointRun"/>.
    /// </summary>
    public Uri? AwsEndpoint { get; init; }
}
