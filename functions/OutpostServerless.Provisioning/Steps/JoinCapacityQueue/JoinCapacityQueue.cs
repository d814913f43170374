using Microsoft.Extensions.Logging;
using OutpostServerless.Provisioning.Queue;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Parks a provisioning short of capacity in its Outpost's queue: records what it waits for (Outpost, instance type,
/// slots, since when) with the task token of the <c>.waitForTaskToken</c> state that called it, so the capacity
/// wake-up can end its wait. The same execution parking again (its fallback re-check found no room, or RunInstances
/// refused it) keeps its place; a newer execution of the provisioning replaces an older one's entry.
/// </summary>
public sealed class JoinCapacityQueue(CapacityQueue queue, TimeProvider clock, ILogger<JoinCapacityQueue> logger)
    : IStep<JoinCapacityQueueInput, QueuePlace>
{
    public async Task<QueuePlace> RunAsync(JoinCapacityQueueInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var instanceType = plan.Cluster.InstanceType;
        var needed = input.Apply?.SlotsNeeded ?? plan.Cluster.InstanceCount;
        while (true)
        {
            var existing = await queue.GetAsync(plan.OutpostId, instanceType, plan.ProvisioningId, cancellationToken);
            var ours = existing?.ExecutionId == plan.ExecutionId ? existing : null;
            var entry = new CapacityQueueEntry(
                plan.OutpostId, instanceType, plan.ProvisioningId, plan.ExecutionId, needed,
                ours?.Since ?? clock.GetUtcNow(), QueueEntryStatus.Waiting, input.TaskToken, ours?.Bypassed ?? 0);
            if (!await queue.TryReplaceAsync(entry, existing, cancellationToken))
            {
                continue; // a wake-up changed it in between: read it again
            }

            var place = QueuePlace.Of(entry, await queue.ListAsync(plan.OutpostId, instanceType, cancellationToken));
            logger.LogInformation("{ProvisioningId} waits for {SlotsNeeded} {InstanceType} slots on {OutpostId}: place {Position} in the queue, since {Since:O}",
                plan.ProvisioningId, needed, instanceType, plan.OutpostId, place.Position, place.Since);
            return place;
        }
    }
}
