using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>The virtual clock as a discrete-event scheduler: time moves only when everyone waits.</summary>
public sealed class VirtualClockTests
{
    [Fact]
    public async Task A_Delay_with_nothing_else_running_jumps_the_clock_to_its_end()
    {
        var clock = new VirtualClock(Machine.Epoch);

        await clock.Delay(TimeSpan.FromDays(2));

        Assert.Equal(Machine.Epoch.AddDays(2), clock.GetUtcNow());
    }

    [Fact]
    public async Task Successive_delays_add_up_on_the_clock()
    {
        var clock = new VirtualClock(Machine.Epoch);

        await clock.Delay(TimeSpan.FromSeconds(10));
        await clock.Delay(TimeSpan.FromSeconds(20));

        Assert.Equal(Machine.Epoch.AddSeconds(30), clock.GetUtcNow());
    }

    [Fact]
    public void A_timer_alone_never_pulls_time_forward()
    {
        var clock = new VirtualClock(Machine.Epoch);
        var fired = 0;

        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);

        Assert.Equal(0, fired);
        Assert.Equal(Machine.Epoch, clock.GetUtcNow());
    }

    [Fact]
    public void Advance_fires_the_timers_it_passes_including_periodic_ones()
    {
        var clock = new VirtualClock(Machine.Epoch);
        var fired = new List<DateTimeOffset>();
        using var once = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(90), Timeout.InfiniteTimeSpan);
        using var periodic = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));

        clock.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal([Machine.Epoch.AddSeconds(60), Machine.Epoch.AddSeconds(90), Machine.Epoch.AddSeconds(120), Machine.Epoch.AddSeconds(180)], fired);
        Assert.Equal(Machine.Epoch.AddMinutes(3), clock.GetUtcNow());
    }

    [Fact]
    public async Task A_timer_fires_when_an_execution_waits_past_it()
    {
        var machine = new Machine("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":600,"End":true}}}""");
        DateTimeOffset? firedAt = null;
        using var capacityArrives = machine.Clock.CreateTimer(_ => firedAt = machine.Clock.GetUtcNow(), null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);

        await machine.RunAsync();

        Assert.Equal(Machine.Epoch.AddMinutes(5), firedAt);
    }

    [Fact]
    public void A_disposed_timer_does_not_fire()
    {
        var clock = new VirtualClock(Machine.Epoch);
        var fired = false;
        var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.False(fired);
    }

    [Fact]
    public void Two_clocks_keep_separate_time()
    {
        var first = new VirtualClock(Machine.Epoch);
        var second = new VirtualClock(Machine.Epoch);

        first.Advance(TimeSpan.FromHours(1));

        Assert.Equal(Machine.Epoch.AddHours(1), first.GetUtcNow());
        Assert.Equal(Machine.Epoch, second.GetUtcNow());
    }

    [Fact]
    public async Task Task_invocations_take_no_virtual_time_unless_the_invoker_waits_on_the_clock()
    {
        const string Fn = "arn:aws:lambda:us-east-1:1:function:io";
        var machine = new Machine($$"""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","End":true} } }""");
        machine.Tasks.On(Fn, async (_, ct) =>
        {
            await Task.Delay(20, ct); // real I/O stand-in: costs no virtual time
            return TaskOutcome.Success(JsonValue.Create(1));
        });

        var result = await machine.RunAsync();

        Assert.Equal(TimeSpan.Zero, result.Duration);
    }

    [Fact]
    public async Task A_branch_whose_task_waits_on_the_clock_lets_the_other_branch_run_meanwhile()
    {
        const string Fn = "arn:aws:lambda:us-east-1:1:function:slow";
        var machine = new Machine($$"""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","End":true} } },
              {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"Next":"Q"},"Q":{"Type":"Pass","End":true} } }]} } }
            """);
        machine.Tasks.On(Fn, async (_, ct) =>
        {
            await machine.Clock.Delay(TimeSpan.FromSeconds(8), ct);
            return TaskOutcome.Success(JsonValue.Create("slow"));
        });

        var result = await machine.RunAsync();

        Assert.Equal(TimeSpan.FromSeconds(8), result.Duration);
        Assert.Equal(Machine.Epoch.AddSeconds(5), result.History.Single(e => e.Type == HistoryEventTypes.PassStateEntered).Timestamp);
        Assert.Equal(Machine.Epoch.AddSeconds(8), result.History.Single(e => e.Type == HistoryEventTypes.LambdaFunctionSucceeded).Timestamp);
    }

    [Fact]
    public async Task Advance_is_refused_while_an_execution_runs_on_the_clock()
    {
        const string Fn = "arn:aws:lambda:us-east-1:1:function:probe";
        var machine = new Machine($$"""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","End":true} } }""");
        Exception? refused = null;
        machine.Tasks.On(Fn, (_, _) =>
        {
            refused = Record.Exception(() => machine.Clock.Advance(TimeSpan.FromSeconds(1)));
            return Task.FromResult(TaskOutcome.Success(null));
        });

        await machine.RunAsync();

        Assert.IsType<InvalidOperationException>(refused);
    }
}
