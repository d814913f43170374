using System.Text.Json;
using OutpostServerless.Provisioning.Queue;
using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Provisioning.Status;

/// <summary>
/// A provisioning's status from its record and the world, for the API function and the <c>status</c> command alike.
/// Reads only.
/// </summary>
public sealed class ProvisioningStatusReader(ProvisioningRecords records, DescribeProvisioning describer, PlanProvisioning planner, CapacityQueue queue, TimeProvider clock)
{
    /// <summary>The status, or null when the stack has no record of <paramref name="provisioningId"/>.</summary>
    public async Task<ProvisioningStatusReport?> ReadAsync(string provisioningId, CancellationToken cancellationToken)
    {
        var record = await records.GetAsync(provisioningId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var running = record.Lock is { } held && held.IsHeldAt(clock.GetUtcNow()) ? held.Execution : null;
        var newest = record.Executions.Count > 0 ? record.Executions[^1] : null;
        var state = running is not null ? ProvisioningState.Changing
            : record.Status == ProvisioningStatus.Deleted ? ProvisioningState.TornDown
            : newest is { Outcome: ChangeOutcome.Succeeded, Action: ChangeKind.Apply } ? ProvisioningState.Applied
            : ProvisioningState.Failed;
        var names = Plan(record.TeardownPlan);
        var resources = names is null ? [] : (await describer.RunAsync(new DescribeProvisioningInput(names), cancellationToken)).Resources;
        var lastApplied = Plan(record.LastAppliedPlan);
        var drift = lastApplied is null || state is ProvisioningState.Changing or ProvisioningState.TornDown
            ? []
            : (await planner.PlanAsync(lastApplied, cancellationToken)).ChangeSet.Changes.Where(c => c.Action != ChangeAction.NoOp).ToList();
        // The newest apply's plan names the queue it would wait in.
        var waiting = Plan(record.AttemptedPlan);
        var capacity = waiting is null ? null : await queue.PlaceOfAsync(waiting.OutpostId, waiting.Cluster.InstanceType, waiting.ProvisioningId, cancellationToken);
        return new ProvisioningStatusReport(
            record.ProvisioningId,
            state,
            record.Generation,
            running,
            record.Executions.LastOrDefault(e => e.Generation == record.LastAppliedGeneration)?.Execution,
            lastApplied,
            resources,
            [.. record.Executions.Reverse()],
            drift,
            capacity);
    }

    private static ProvisioningPlan? Plan(string? json) => json is null ? null : JsonSerializer.Deserialize(json, RequestJsonContext.Default.ProvisioningPlan);
}
