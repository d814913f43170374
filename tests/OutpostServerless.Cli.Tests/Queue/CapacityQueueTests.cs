using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Tests.Queue;

/// <summary>
/// Issue 14's must-show: provisionings waiting on a full Outpost start when the capacity alarm says slots are free,
/// in the documented order (arrival order; a later one may pass one that does not fit, a bounded number of times),
/// with no launch the Outpost refuses, within a virtual second of the event — and a lost event costs one back-off.
/// </summary>
public sealed class CapacityQueueTests
{
    private static readonly Lazy<Task<(QueueWorld World, Dictionary<string, ExecutionResult> Runs, IReadOnlyList<LocalAlarm> Alarms)>> ThreeWaiting = new(async () =>
    {
        var world = new QueueWorld();
        world.FreeSlotsAt(8, 1);   // ALARM at +10 min: 1 free
        world.FreeSlotsAt(28, 2);  // ALARM at +30 min: 2 free
        world.FreeSlotsAt(48, 2);  // ALARM at +50 min: 2 free
        var result = await world.RunAsync([("team-a", 2), ("team-b", 1), ("team-c", 2)]);
        var runs = result.Executions.ToDictionary(e => e.ExecutionName);
        return (world, runs, [.. result.AlarmChanges.Where(c => c.State == "ALARM").Select(c => new LocalAlarm(c.At, c.Value))]);
    });

    [Fact]
    public async Task Three_waiting_provisionings_start_in_the_documented_order_as_capacity_events_free_1_then_2_then_2_slots()
    {
        var (_, runs, alarms) = await ThreeWaiting.Value;

        var order = runs.Values.OrderBy(QueueWorld.GateOpened).Select(r => r.ExecutionName);

        Assert.All(runs.Values, r => Assert.Equal("SUCCEEDED", r.Status));
        Assert.Equal([1.0, 2.0, 2.0], alarms.Select(a => a.Value ?? -1));
        // team-b (1 slot) passes team-a (2) on the first event, which holds only 1; team-a then goes first, team-c last.
        Assert.Equal(["team-b", "team-a", "team-c"], order);
    }

    [Fact]
    public async Task No_launch_of_the_three_is_refused_for_capacity()
    {
        var (world, _, _) = await ThreeWaiting.Value;

        Assert.Equal(0, world.InsufficientCapacityLaunches);
        Assert.Equal(5, world.Cloud.Resources().Count(r => r.Type == "instance")); // 2 + 1 + 2 slots, all launched
    }

    [Fact]
    public async Task Each_starts_within_one_virtual_second_of_the_event_that_made_room_not_at_its_next_poll()
    {
        var (_, runs, alarms) = await ThreeWaiting.Value;

        var opened = new[] { runs["team-b"], runs["team-a"], runs["team-c"] }.Select(QueueWorld.GateOpened).ToList();

        Assert.All(opened.Zip(alarms), pair => Assert.InRange((pair.First - pair.Second.At).TotalSeconds, 0, 1));
    }

    [Fact]
    public async Task The_waiting_provisionings_were_parked_in_the_queue_and_woken_not_polling_their_way_in()
    {
        var (_, runs, _) = await ThreeWaiting.Value;

        // The parked task (the only service-integration Task) ended by SendTaskSuccess, the last time it was entered.
        Assert.All(runs.Values, r => Assert.Contains(r.History, e => e.Type == "TaskStateEntered" && e.StateName == "WaitForCapacity"));
        Assert.All(runs.Values, r => Assert.Single(r.History, e => e.Type == "TaskSucceeded"));
    }

    [Fact]
    public async Task A_lost_capacity_event_costs_one_back_off_the_provisioning_proceeds_at_its_fallback_re_check()
    {
        var world = new QueueWorld();
        world.FreeSlotsAt(8, 2);

        var result = await world.RunAsync([("team-a", 2)], delivery: _ => []);

        var execution = Assert.Single(result.Executions);
        var alarm = Assert.Single(result.AlarmChanges, c => c.State == "ALARM");
        var opened = QueueWorld.GateOpened(execution);
        Assert.Equal("SUCCEEDED", execution.Status);
        Assert.Empty(result.Callbacks); // nobody woke it
        Assert.Contains(execution.History, e => e.Type == "TaskTimedOut");
        Assert.DoesNotContain(execution.History, e => e.Type == "TaskSucceeded");
        Assert.InRange((opened - alarm.At).TotalSeconds, 1, 300); // after the event, within the 300 s back-off cap
        Assert.Equal(0, world.InsufficientCapacityLaunches);
    }

    private sealed record LocalAlarm(DateTimeOffset At, double? Value);
}
