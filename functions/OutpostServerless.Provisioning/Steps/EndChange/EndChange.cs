using System.Text.Json;
using Microsoft.Extensions.Logging;
using OutpostServerless.Provisioning.Queue;
using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Ends this execution's change: records its outcome among the provisioning's executions and releases
/// the lock. A succeeded apply becomes the last applied plan; a succeeded teardown marks the record
/// deleted (kept, so generations and execution names never repeat). An execution that no longer holds
/// the lock (its lease lapsed and another took it) changes nothing. Both state machines end with it.
/// <para>
/// It also takes the provisioning out of the capacity queue: a failed apply or any teardown removes its entry; a
/// succeeded apply leaves it as launched, holding its slots only until the Outpost's next capacity datapoint shows
/// the instances (<see cref="AdmissionPolicy.HeldSlots"/>).
/// </para>
/// </summary>
public sealed class EndChange(ProvisioningRecords records, CapacityQueue queue, TimeProvider clock, ILogger<EndChange> logger) : IStep<EndChangeInput, EndChangeResult>
{
    public async Task<EndChangeResult> RunAsync(EndChangeInput input, CancellationToken cancellationToken)
    {
        var id = input.Id;
        if (input.Outcome == ChangeOutcome.Running)
        {
            throw new Errors.StepInputMissingException(nameof(EndChange), "outcome (Succeeded or Failed)");
        }

        var result = await RecordAsync(input, id, cancellationToken);
        await LeaveQueueAsync(input, cancellationToken);
        return result;
    }

    private async Task LeaveQueueAsync(EndChangeInput input, CancellationToken cancellationToken)
    {
        // An apply's plan names its entry; a teardown's plan is the one the record keeps for it.
        var plan = input.Plan;
        if (plan is null && (await records.GetAsync(input.Id, cancellationToken))?.TeardownPlan is { } kept)
        {
            plan = JsonSerializer.Deserialize(kept, RequestJsonContext.Default.ProvisioningPlan);
        }

        if (plan is null)
        {
            return;
        }

        while (await queue.GetAsync(plan.OutpostId, plan.Cluster.InstanceType, plan.ProvisioningId, cancellationToken) is { } entry)
        {
            if (input.Action == ChangeKind.Apply && entry.ExecutionId != plan.ExecutionId)
            {
                return; // a newer execution's entry: not ours to end
            }

            var launched = input.Action == ChangeKind.Apply && input.Outcome == ChangeOutcome.Succeeded && entry.Status == QueueEntryStatus.Admitted;
            var done = launched
                ? await queue.TryReplaceAsync(entry with { Status = QueueEntryStatus.Launched, TaskToken = null, EndedAt = clock.GetUtcNow() }, entry, cancellationToken)
                : await queue.TryRemoveAsync(entry, cancellationToken);
            if (done)
            {
                logger.LogInformation("{ProvisioningId} left the capacity queue of {Queue} ({Status})", plan.ProvisioningId, entry.Queue, launched ? "launched" : "removed");
                return;
            }
        }
    }

    private async Task<EndChangeResult> RecordAsync(EndChangeInput input, string id, CancellationToken cancellationToken)
    {

        while (true)
        {
            var current = await records.GetAsync(id, cancellationToken);
            if (current?.Lock is not { } held || held.Execution != input.ExecutionName)
            {
                logger.LogWarning("{Execution} no longer holds {ProvisioningId} (held by {Holder}); its outcome {Outcome} is not recorded",
                    input.ExecutionName, id, current?.Lock?.Execution ?? "nobody", input.Outcome);
                return new EndChangeResult(id, current?.Generation ?? 0, input.Outcome, current?.Status ?? ProvisioningStatus.Deleted, Released: false);
            }

            var succeeded = input.Outcome == ChangeOutcome.Succeeded;
            var next = current with
            {
                Lock = null,
                Executions = [.. current.Executions.Select(e => e.Execution == input.ExecutionName && e.Generation == held.Generation
                    ? e with { Outcome = input.Outcome, EndedAt = clock.GetUtcNow(), Error = input.Failure?.Error, Cause = input.Failure?.Cause }
                    : e)],
            };
            next = (succeeded, held.Action) switch
            {
                (true, ChangeKind.Apply) => next with
                {
                    Status = ProvisioningStatus.Active,
                    LastAppliedPlan = input.Plan is null ? current.LastAppliedPlan : JsonSerializer.Serialize(input.Plan, RequestJsonContext.Default.ProvisioningPlan),
                    LastAppliedGeneration = held.Generation,
                },
                (true, ChangeKind.Teardown) => next with { Status = ProvisioningStatus.Deleted, LastAppliedPlan = null, LastAppliedGeneration = null, AttemptedPlan = current.TeardownPlan },
                _ => next,
            };
            if (await records.TryReplaceAsync(next, current, cancellationToken))
            {
                logger.LogInformation("{Execution} ended {Action} of {ProvisioningId} (generation {Generation}): {Outcome}", input.ExecutionName, held.Action, id, held.Generation, input.Outcome);
                return new EndChangeResult(id, held.Generation, input.Outcome, next.Status, Released: true);
            }
        }
    }
}
