using OutpostServerless.Cli.Chaos;
using OutpostServerless.Emulator;
using OutpostServerless.Local.Workflow;
using OutpostServerless.Provisioning.Queue;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Bench.QueueBench;

/// <summary>
/// What one run of a <see cref="CapacityQueueScenario"/> measured. <see cref="Latency"/>: per provisioning, the virtual
/// seconds from "capacity available" to "instances launched" — the released slots are handed out in launch order
/// (first launched, first served), a slot counts as available once the Outpost's 5-minute AvailableInstanceType_Count
/// shows it (or, for one that arrived later, at its arrival), and the instances count as launched when its
/// LaunchContainerInstances step succeeded.
/// </summary>
public sealed record CapacityQueueRun(
    int Succeeded,
    int Failed,
    Distribution Latency,
    int InsufficientCapacityLaunches,
    int Duplicates,
    int Leaks,
    int StillQueued,
    int Woken,
    double VirtualHours,
    double WallSeconds)
{
    private static readonly TimeSpan MetricPeriod = TimeSpan.FromMinutes(5);

    public static async Task<CapacityQueueRun> MeasureAsync(CapacityQueueScenario scenario, DateTimeOffset start, QueuedRunResult result, EmulatedCloud cloud, TimeSpan wall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(cloud);
        var runs = result.Executions.Select((e, i) => (Execution: e, Arrival: start + scenario.Arrivals[i].At, Slots: scenario.Arrivals[i].Slots)).ToList();

        // Slots as they became visible, one entry per slot, oldest first.
        var visible = new Queue<DateTimeOffset>(scenario.Releases
            .SelectMany(r => Enumerable.Repeat(Visible(start + r.At), r.Slots))
            .Order());
        var latencies = new List<double>();
        foreach (var run in runs.Where(r => Launched(r.Execution) is not null).OrderBy(r => Launched(r.Execution)))
        {
            var availableAt = DateTimeOffset.MinValue;
            for (var i = 0; i < run.Slots && visible.Count > 0; i++)
            {
                availableAt = visible.Dequeue();
            }

            latencies.Add((Launched(run.Execution)!.Value - Max(availableAt, run.Arrival)).TotalSeconds);
        }

        var duplicates = runs.Count(r => r.Execution.Status == ExecutionStatus.Succeeded
            && Owned(cloud, r.Execution.ExecutionName).Count(x => x.Type == "instance") != r.Slots);
        var leaks = runs.Count(r => r.Execution.Status != ExecutionStatus.Succeeded && Owned(cloud, r.Execution.ExecutionName).Count > 0);
        var queued = await QueueLeftAsync(cloud, cancellationToken);
        var end = result.Executions.Max(e => e.StopDate);
        return new CapacityQueueRun(
            runs.Count(r => r.Execution.Status == ExecutionStatus.Succeeded),
            runs.Count(r => r.Execution.Status != ExecutionStatus.Succeeded),
            Distribution.Of(latencies),
            cloud.Calls.All.Count(c => c.Operation == "ec2:RunInstances" && c.ErrorCode == "InsufficientInstanceCapacity"),
            duplicates,
            leaks,
            queued,
            result.Callbacks.Count(c => c.Succeeded),
            Math.Round((end - start).TotalHours, 2),
            Math.Round(wall.TotalSeconds, 1));
    }

    /// <summary>The first 5-minute boundary at or after the release: the datapoint that shows it.</summary>
    private static DateTimeOffset Visible(DateTimeOffset released)
    {
        var period = (long)MetricPeriod.TotalSeconds;
        var seconds = released.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(seconds % period == 0 ? seconds : (seconds / period + 1) * period);
    }

    private static DateTimeOffset? Launched(ExecutionResult execution) =>
        execution.History.LastOrDefault(e => e.Type == "TaskStateExited" && e.StateName == "LaunchContainerInstances")?.Timestamp;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static IReadOnlyList<EmulatedResource> Owned(EmulatedCloud cloud, string provisioningId) =>
        cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, provisioningId);

    /// <summary>Entries still waiting or admitted once every execution ended: the queue must be empty of them.</summary>
    private static async Task<int> QueueLeftAsync(EmulatedCloud cloud, CancellationToken cancellationToken)
    {
        var queue = new CapacityQueue(cloud.Ports.DynamoDb, CapacityQueue.DefaultTableName);
        var entries = await queue.ListAsync(OutpostOption.DefaultRack.OutpostId, "c5.large", cancellationToken);
        return entries.Count(e => e.Status != QueueEntryStatus.Launched);
    }
}
