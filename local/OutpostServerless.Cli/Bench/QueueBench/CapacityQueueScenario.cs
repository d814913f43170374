using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.Workflow;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Bench.QueueBench;

/// <summary>
/// A seeded day on a shared, full Outpost: <see cref="Provisionings"/> teams arrive over the first hour, each needing
/// 1 or 2 c5.large slots; the Outpost's other tenants give slots back in batches of 1 to 3 at random times until every
/// team fits. Run with the capacity queue woken by the capacity alarm, or by polling only (nobody is woken: every
/// provisioning finds its room at its own fallback re-check), the same seed giving the same arrivals and releases.
/// </summary>
public sealed record CapacityQueueScenario(int Provisionings, int Seed)
{
    private const string InstanceType = "c5.large";
    private static readonly TimeSpan ArrivalWindow = TimeSpan.FromHours(1);
    private static readonly TimeSpan ReleaseWindow = TimeSpan.FromHours(3);

    /// <summary>Longer than the scenario, so nobody gives up waiting: the comparison is of how fast they start.</summary>
    private const int MaxWaitSeconds = 6 * 3600;

    public IReadOnlyList<(TimeSpan At, int Slots)> Arrivals { get; } = Draw(Provisionings, Seed).Arrivals;

    public IReadOnlyList<(TimeSpan At, int Slots)> Releases { get; } = Draw(Provisionings, Seed).Releases;

    /// <param name="queue">Wake the queue on the capacity alarm (else: polling only).</param>
    /// <param name="delivery">With the queue: how each alarm event is delivered (chaos: dropped, duplicated, late).</param>
    public async Task<CapacityQueueRun> RunAsync(SamTemplate template, bool queue, Func<AlarmStateChange, IReadOnlyList<TimeSpan>>? delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        var clock = new VirtualClock(LocalWorkflow.DefaultStart);
        var cloud = new EmulatedCloud(clock);
        // The other tenants hold every slot the teams will need, and give them back over the releases.
        cloud.SetFreeSlots(InstanceType, Releases.Sum(r => r.Slots));
        cloud.SetFreeSlots(InstanceType, 0);
        foreach (var (at, slots) in Releases)
        {
            cloud.ScheduleSlotsReleased(clock.GetUtcNow() + at, InstanceType, slots);
        }

        var starts = Arrivals.Select((a, i) => new QueuedStart(
            TenantRequests.WebService(template, $"team-{i:D2}", a.Slots, i, MaxWaitSeconds), $"team-{i:D2}", a.At)).ToList();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var result = await new QueuedProvisionings(template, cloud, clock) { CapacityEvents = queue, Delivery = delivery, Seed = Seed }.RunAsync(starts, cancellationToken);
        return await CapacityQueueRun.MeasureAsync(this, LocalWorkflow.DefaultStart, result, cloud, wall.Elapsed, cancellationToken);
    }

    private static ((TimeSpan, int)[] Arrivals, (TimeSpan, int)[] Releases) Draw(int provisionings, int seed)
    {
        var random = new Random(seed);
        var arrivals = Enumerable.Range(0, provisionings)
            .Select(_ => (At: TimeSpan.FromSeconds(1 + random.Next((int)ArrivalWindow.TotalSeconds)), Slots: random.Next(1, 3)))
            .OrderBy(a => a.At)
            .ToArray();
        var needed = arrivals.Sum(a => a.Slots);
        var releases = new List<(TimeSpan, int)>();
        for (var released = 0; released < needed;)
        {
            var slots = Math.Min(random.Next(1, 4), needed - released);
            releases.Add((TimeSpan.FromSeconds(300 + random.Next((int)ReleaseWindow.TotalSeconds)), slots));
            released += slots;
        }

        return (arrivals, [.. releases.OrderBy(r => r.Item1)]);
    }
}
