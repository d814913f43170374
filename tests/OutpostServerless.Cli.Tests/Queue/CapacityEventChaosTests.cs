using OutpostServerless.Cli.Bench.QueueBench;

namespace OutpostServerless.Cli.Tests.Queue;

/// <summary>Capacity events lost, duplicated and late: the queue still serves everyone, once, and leaves nothing behind.</summary>
public sealed class CapacityEventChaosTests
{
    [Fact]
    public async Task With_events_dropped_duplicated_and_reordered_every_provisioning_proceeds_once_and_nothing_leaks_or_stays_queued()
    {
        var chaos = new EventChaos(seed: 3, rate: 0.25);
        var run = await new CapacityQueueScenario(Provisionings: 8, Seed: 3).RunAsync(QueueWorld.Template, queue: true, chaos.Deliveries, CancellationToken.None);

        Assert.True(chaos.Dropped + chaos.Duplicated + chaos.Delayed > 0, "the seed must exercise the chaos");
        Assert.Equal((8, 0), (run.Succeeded, run.Failed));
        Assert.Equal((0, 0, 0), (run.Duplicates, run.Leaks, run.StillQueued));
    }

    [Fact]
    public async Task The_queue_starts_waiting_provisionings_sooner_than_polling_alone_on_the_same_seeded_scenario()
    {
        var scenario = new CapacityQueueScenario(Provisionings: 8, Seed: 3);

        var queued = await scenario.RunAsync(QueueWorld.Template, queue: true, delivery: null, CancellationToken.None);
        var polling = await scenario.RunAsync(QueueWorld.Template, queue: false, delivery: null, CancellationToken.None);

        Assert.True(queued.Woken > 0);
        Assert.True(queued.Latency.Mean < polling.Latency.Mean, $"queue mean {queued.Latency.Mean} s, polling mean {polling.Latency.Mean} s");
    }
}
