using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using OutpostServerless.Aws.StepFunctions;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Queue;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The target of the capacity rule: when the Outpost's AvailableInstanceType_Count alarm goes to ALARM, reads the
/// free slots (the metric, as the gate does) and the queue of that Outpost and instance type, and wakes the waiting
/// provisionings <see cref="AdmissionPolicy"/> admits — in arrival order, only as many as the slots hold. Each is
/// first marked admitted (a conditional write, so a duplicate or concurrent event cannot admit it twice or admit
/// others into the same slots), then its parked task is ended with SendTaskSuccess. A token whose task has ended
/// (it timed out into its re-check meanwhile) is no loss: the re-check finds the admission.
/// </summary>
/// <remarks>
/// Instance state-change events (terminations) are not listened to: they do not name the Outpost, and a freed slot
/// shows in AvailableInstanceType_Count only at its next 5-minute datapoint — the one this alarm evaluates.
/// </remarks>
public sealed class WakeCapacityWaiters(
    CapacityQueue queue,
    OutpostMetrics metrics,
    Func<ITaskCallbacks> taskCallbacks,
    TimeProvider clock,
    ILogger<WakeCapacityWaiters> logger) : IStep<CapacityAlarmEvent, WakeResult>
{
    private const string Alarm = "ALARM";

    public async Task<WakeResult> RunAsync(CapacityAlarmEvent input, CancellationToken cancellationToken)
    {
        var metric = input.Detail?.Configuration?.Metrics?.Select(m => m.MetricStat?.Metric).FirstOrDefault(m => m?.Name == OutpostMetrics.AvailableInstanceTypeCount);
        if (metric?.Dimensions is not { } dimensions
            || !dimensions.TryGetValue("OutpostId", out var outpostId) || !dimensions.TryGetValue("InstanceType", out var instanceType))
        {
            throw new StepInputMissingException(nameof(WakeCapacityWaiters),
                "detail.configuration.metrics[].metricStat.metric: an AvailableInstanceType_Count metric with OutpostId and InstanceType dimensions (a CloudWatch Alarm State Change event of the capacity alarm)");
        }

        if (input.Detail?.State?.Value != Alarm)
        {
            logger.LogInformation("Capacity alarm of {OutpostId} {InstanceType} is {State}: nobody to wake", outpostId, instanceType, input.Detail?.State?.Value);
            return new WakeResult(outpostId, instanceType, 0, [], [], 0, []);
        }

        var (connected, available) = await metrics.ReadLatestAsync(outpostId, instanceType, cancellationToken);
        var entries = await queue.ListAsync(outpostId, instanceType, cancellationToken);
        var waiting = entries.Count(e => e.Status == QueueEntryStatus.Waiting);
        if (available is null || connected is { Value: < 1 })
        {
            logger.LogWarning("No free-slot reading for {InstanceType} on connected Outpost {OutpostId}: nobody woken", instanceType, outpostId);
            return new WakeResult(outpostId, instanceType, 0, [], [], waiting, []);
        }

        var freeSlots = (int)Math.Max(0, Math.Floor(available.Value));
        foreach (var settled in AdmissionPolicy.Settled(entries, available.Timestamp))
        {
            await queue.TryRemoveAsync(settled, cancellationToken); // its instances show in the metric now
        }

        var admission = AdmissionPolicy.Decide(entries, freeSlots, available.Timestamp);
        foreach (var passed in admission.Passed)
        {
            // Counted before anyone is woken ahead of it, so the bound holds even if this run stops halfway.
            await queue.TryReplaceAsync(passed with { Bypassed = passed.Bypassed + 1 }, passed, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var woken = new List<WokenProvisioning>();
        var unreachable = new List<string>();
        foreach (var entry in admission.Admitted)
        {
            if (!await queue.TryReplaceAsync(entry with { Status = QueueEntryStatus.Admitted, AdmittedAt = now }, entry, cancellationToken))
            {
                continue; // it moved on (re-parked, or admitted by a concurrent event): this event does not own it
            }

            var waited = (int)Math.Max(0, (now - entry.Since).TotalSeconds);
            if (await TryWakeAsync(entry, freeSlots, cancellationToken))
            {
                woken.Add(new WokenProvisioning(entry.ProvisioningId, entry.SlotsNeeded, waited));
            }
            else
            {
                unreachable.Add(entry.ProvisioningId);
            }
        }

        logger.LogInformation("{FreeSlots} free {InstanceType} slots on {OutpostId}: woke {Woken}, passed {Passed}, {Waiting} still waiting",
            freeSlots, instanceType, outpostId, string.Join(", ", woken.Select(w => w.ProvisioningId)), string.Join(", ", admission.Passed.Select(p => p.ProvisioningId)),
            waiting - woken.Count - unreachable.Count);
        return new WakeResult(outpostId, instanceType, freeSlots, woken, [.. admission.Passed.Select(p => p.ProvisioningId)], waiting - woken.Count - unreachable.Count, unreachable);
    }

    private async Task<bool> TryWakeAsync(CapacityQueueEntry entry, int freeSlots, CancellationToken cancellationToken)
    {
        var output = new JsonObject
        {
            ["admitted"] = true,
            ["slots"] = entry.SlotsNeeded,
            ["freeSlots"] = freeSlots,
            ["at"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        try
        {
            await taskCallbacks().SendTaskSuccessAsync(new SendTaskSuccessRequest(entry.TaskToken!, output.ToJsonString()), cancellationToken);
            return true;
        }
        catch (AmazonServiceException gone) when (gone.ErrorCode is "TaskTimedOut" or "TaskDoesNotExist" or "InvalidToken")
        {
            logger.LogInformation("{ProvisioningId}'s parked task has ended ({ErrorCode}); it finds its admission at its re-check", entry.ProvisioningId, gone.ErrorCode);
            return false;
        }
    }
}
