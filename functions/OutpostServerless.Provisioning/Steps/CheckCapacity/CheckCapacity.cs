using System.Globalization;
using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Outposts;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Queue;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Is there room on the Outpost now — for the instances this change launches (none: the gate opens
/// without asking)? The Outpost must exist and be ACTIVE and support the instance
/// type (otherwise waiting is pointless, so those throw); then connectivity and free slots come from
/// CloudWatch and decide the <see cref="CapacityGate"/>. When no AWS/Outposts metric of the Outpost is
/// visible at all — a shared Outpost's live in its owner's account — the gate opens on the instance type
/// alone and RunInstances is the authority (<see cref="CapacitySource.InstanceTypes"/>), rather than wait
/// out the budget for data that will never come. It creates nothing.
/// <para>
/// Fair: the Outpost's <see cref="CapacityQueue"/> comes first. A provisioning the wake-up admitted goes at once;
/// any other goes only if the free slots, less those held by admitted ones, cover everyone waiting ahead of it
/// and itself (<see cref="AdmissionPolicy.AllowsItself"/>), and then records itself admitted so the slots it takes
/// are held for it. The time waited counts from its first place in the queue.
/// </para>
/// </summary>
public sealed class CheckCapacity(AwsPorts aws, CapacityQueue queue, TimeProvider clock, ILogger<CheckCapacity> logger)
    : IStep<CheckCapacityInput, CapacityGate>
{
    private readonly OutpostMetrics _metrics = new(aws.CloudWatch, clock);

    public async Task<CapacityGate> RunAsync(CheckCapacityInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var progress = input.Gate ?? new CapacityWaitProgress();
        var needed = input.Apply?.SlotsNeeded ?? plan.Cluster.InstanceCount;
        var instanceType = plan.Cluster.InstanceType;
        if (needed == 0)
        {
            // Nothing to launch: a full or disconnected Outpost does not stop a change that needs no slot.
            logger.LogInformation("Capacity gate for {ProvisioningId}: no new instances needed; not asking the Outpost", plan.ProvisioningId);
            return new CapacityGate(
                HasCapacity: true,
                Exhausted: false,
                FreeSlots: 0,
                WaitedSeconds: progress.WaitedSeconds,
                NextWaitSeconds: CapacityGatePolicy.NextWaitSeconds(plan.CapacityWait.PollSeconds, plan.CapacityWait.MaxSeconds, progress.WaitedSeconds),
                LaunchRejected: progress.LaunchRejected,
                Reason: $"No new {instanceType} instances are needed, so the Outpost's free capacity does not matter.");
        }

        var outpost = await RequireActiveOutpostAsync(plan.OutpostId, cancellationToken);
        await RequireInstanceTypeAsync(plan.OutpostId, instanceType, cancellationToken);

        var (connected, available) = await _metrics.ReadLatestAsync(plan.OutpostId, instanceType, cancellationToken);
        var source = connected is null && available is null ? CapacitySource.InstanceTypes : CapacitySource.Metrics;
        var freeSlots = available is null ? 0 : (int)Math.Max(0, Math.Floor(available.Value));
        var isConnected = connected is not null && connected.Value >= 1;
        var metricSaysCapacity = source == CapacitySource.InstanceTypes || (isConnected && available is not null && freeSlots >= needed);

        var now = clock.GetUtcNow();
        var entries = await queue.ListAsync(plan.OutpostId, instanceType, cancellationToken);
        var existing = entries.FirstOrDefault(e => e.ProvisioningId == plan.ProvisioningId);
        var ours = existing?.ExecutionId == plan.ExecutionId ? existing : null;
        var me = new CapacityQueueEntry(plan.OutpostId, instanceType, plan.ProvisioningId, plan.ExecutionId, needed,
            ours?.Since ?? now, QueueEntryStatus.Waiting, Bypassed: ours?.Bypassed ?? 0);
        var admittedByQueue = ours?.Status == QueueEntryStatus.Admitted;
        var queueAllows = admittedByQueue || (source == CapacitySource.Metrics
            ? AdmissionPolicy.AllowsItself(entries, me, freeSlots, available?.Timestamp ?? now)
            : AdmissionPolicy.IsFirstInLine(entries, me));
        var waited = Math.Max(progress.WaitedSeconds, (int)Math.Min(int.MaxValue, (now - me.Since).TotalSeconds));

        var wait = plan.CapacityWait;
        var mayGo = admittedByQueue || (metricSaysCapacity && queueAllows);
        var exhausted = CapacityGatePolicy.IsExhausted(new CapacityGateReading(HasCapacity: mayGo, progress.LaunchRejected, wait.MaxSeconds, waited));
        // Never both true: a Choice that tests hasCapacity first must not launch again once the
        // budget is spent on a metric that RunInstances keeps contradicting.
        var hasCapacity = mayGo && !exhausted;
        var reason = source == CapacitySource.InstanceTypes
            ? DescribeWithoutMetrics(outpost, instanceType, needed)
            : Describe(plan.OutpostId, instanceType, needed, connected, available, freeSlots);
        if (admittedByQueue)
        {
            reason += string.Create(CultureInfo.InvariantCulture, $"; the capacity queue admitted it at {ours!.AdmittedAt:u}, so its slots are held for it");
        }
        else if (metricSaysCapacity && !queueAllows)
        {
            reason += "; provisionings that arrived earlier wait for those slots (or hold them), so it waits its turn";
        }
        if (progress.LaunchRejected)
        {
            reason += "; the last RunInstances was rejected with InsufficientInstanceCapacity, so the metric may be stale";
        }
        if (exhausted)
        {
            reason += string.Create(CultureInfo.InvariantCulture,
                $"; giving up after waiting {waited} s of the {wait.MaxSeconds} s allowed");
        }

        if (hasCapacity && !admittedByQueue
            && !await queue.TryReplaceAsync(me with { Status = QueueEntryStatus.Admitted, AdmittedAt = now }, existing, cancellationToken))
        {
            // A wake-up changed the queue in between: decide again at the next check rather than on a stale read.
            hasCapacity = false;
            reason += "; the capacity queue changed while it was read, so it checks again";
        }

        var gate = new CapacityGate(
            HasCapacity: hasCapacity,
            Exhausted: exhausted,
            FreeSlots: freeSlots,
            WaitedSeconds: waited,
            NextWaitSeconds: CapacityGatePolicy.NextWaitSeconds(wait.PollSeconds, wait.MaxSeconds, waited),
            LaunchRejected: progress.LaunchRejected,
            Reason: reason + ".",
            CapacitySource: source);
        logger.LogInformation(
            "Capacity gate for {ProvisioningId} on {OutpostId} from {CapacitySource}: hasCapacity={HasCapacity} exhausted={Exhausted} freeSlots={FreeSlots} waited={WaitedSeconds}s: {Reason}",
            plan.ProvisioningId, plan.OutpostId, source, gate.HasCapacity, gate.Exhausted, gate.FreeSlots, gate.WaitedSeconds, gate.Reason);
        return gate;
    }

    private async Task<Outpost> RequireActiveOutpostAsync(string outpostId, CancellationToken cancellationToken)
    {
        Outpost outpost;
        try
        {
            outpost = (await aws.Outposts.GetOutpostAsync(new GetOutpostRequest(outpostId), cancellationToken)).Outpost;
        }
        catch (Amazon.Runtime.AmazonServiceException e) when (e.ErrorCode == OutpostsErrorCodes.NotFoundException)
        {
            throw new OutpostNotFoundException(outpostId, e);
        }
        if (outpost.LifeCycleStatus != OutpostLifeCycleStatus.Active)
        {
            throw new OutpostNotActiveException(outpostId, outpost.LifeCycleStatus.Value);
        }
        return outpost;
    }

    private async Task RequireInstanceTypeAsync(string outpostId, string instanceType, CancellationToken cancellationToken)
    {
        var supported = new List<string>();
        string? nextToken = null;
        do
        {
            var page = await aws.Outposts.GetOutpostInstanceTypesAsync(
                new GetOutpostInstanceTypesRequest { OutpostId = outpostId, NextToken = nextToken }, cancellationToken);
            supported.AddRange(page.InstanceTypes.Select(t => t.InstanceType));
            nextToken = page.NextToken;
        }
        while (nextToken is not null);

        if (!supported.Contains(instanceType, StringComparer.Ordinal))
        {
            throw new InstanceTypeNotSupportedException(outpostId, instanceType, [.. supported.Distinct().Order(StringComparer.Ordinal)]);
        }
    }

    private static string DescribeWithoutMetrics(Outpost outpost, string instanceType, int needed)
    {
        var window = (int)OutpostMetrics.Window.TotalMinutes;
        return string.Create(CultureInfo.InvariantCulture,
            $"No AWS/Outposts metrics of Outpost {outpost.OutpostId} are visible from this account in the last {window} minutes (its owner is account {outpost.OwnerId}; a shared Outpost's metrics stay in the owner's account); it offers {instanceType} (GetOutpostInstanceTypes), so RunInstances decides whether {needed} fit");
    }

    private static string Describe(
        string outpostId, string instanceType, int needed, MetricReading? connected, MetricReading? available, int freeSlots)
    {
        var window = (int)OutpostMetrics.Window.TotalMinutes;
        if (connected is null)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"No ConnectedStatus data for Outpost {outpostId} in the last {window} minutes, so its link to the Region cannot be confirmed");
        }
        if (connected.Value < 1)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Outpost {outpostId} is disconnected from its Region (ConnectedStatus {connected.Value:0.##} at {connected.Timestamp:u}); nothing can launch until the service link is back");
        }
        if (available is null)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"No AvailableInstanceType_Count data for {instanceType} on Outpost {outpostId} in the last {window} minutes; treating it as no free capacity ({needed} needed)");
        }
        var slots = freeSlots == 1 ? "slot" : "slots";
        return string.Create(CultureInfo.InvariantCulture,
            $"Outpost {outpostId} has {freeSlots} free {instanceType} {slots}; {needed} needed");
    }
}
