using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Cli.StateFiles;
using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Cli.Status;

/// <summary><c>status --json</c>: what exists of a provisioning now, and the executions that made it so (newest first).</summary>
/// <param name="State">
/// <c>applied</c> (its newest execution is a SUCCEEDED provision), <c>failed</c> (its newest execution failed),
/// or <c>torn-down</c> (its newest execution is a SUCCEEDED teardown).
/// </param>
/// <param name="Drift">
/// What applying the last applied request again would change (PlanProvisioning's changes other than no-op):
/// empty when the world is as that request left it; not computed for a torn-down provisioning.
/// </param>
public sealed record StatusReport(
    string ProvisioningId,
    string State,
    string? LastAppliedExecution,
    JsonNode? LastAppliedRequest,
    IReadOnlyList<ProvisioningResource> Resources,
    IReadOnlyList<ExecutionSummary> Executions,
    IReadOnlyList<ResourceChange> Drift)
{
    public const string Applied = "applied";
    public const string Failed = "failed";
    public const string TornDown = "torn-down";

    public string ToJson() => JsonSerializer.Serialize(this, StatusJsonContext.Default.StatusReport);
}

/// <summary>One execution as <c>status</c> lists it.</summary>
public sealed record ExecutionSummary(
    string Name, string StateMachine, string Status, string? Error, DateTimeOffset StartDate, DateTimeOffset StopDate, int MutatingCalls)
{
    public static ExecutionSummary Of(LocalExecutionRecord execution) => new(
        execution.Name, execution.StateMachine, execution.Status, execution.Error, execution.StartDate, execution.StopDate, execution.MutatingCalls);
}
