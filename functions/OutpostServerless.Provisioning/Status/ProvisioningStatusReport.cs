using OutpostServerless.Provisioning.Queue;
using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Provisioning.Status;

/// <summary>
/// <c>status --json</c> and <c>GET /provisionings/{id}</c>: what exists of a provisioning now (found in the world,
/// not taken from an execution's output), the executions its record remembers (newest first), and the drift
/// from the last applied plan.
/// </summary>
/// <param name="Resources">What DescribeProvisioning finds under the names of the last applied (else attempted) plan.</param>
/// <param name="Drift">
/// What applying the last applied plan again would change (PlanProvisioning's changes other than no-op): empty when
/// the world is as that apply left it; not computed while a change runs or after a teardown.
/// </param>
/// <param name="Capacity">While a change waits for Outpost capacity (or holds slots it was given): its place in the
/// capacity queue and what it waits for; null otherwise.</param>
public sealed record ProvisioningStatusReport(
    string ProvisioningId,
    ProvisioningState State,
    long Generation,
    string? RunningExecution,
    string? LastAppliedExecution,
    ProvisioningPlan? LastAppliedPlan,
    IReadOnlyList<ProvisioningResource> Resources,
    IReadOnlyList<ExecutionEntry> Executions,
    IReadOnlyList<ResourceChange> Drift,
    QueuePlace? Capacity = null);
