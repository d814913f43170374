using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>Wait states on the virtual clock: the waits are asserted in virtual time, never wall-clock time.</summary>
public sealed class WaitStateTests
{
    [Fact]
    public async Task A_one_hour_Wait_takes_3600_virtual_seconds()
    {
        var machine = new Machine("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""");

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(3600), result.StopDate - result.StartDate);
        var exited = result.History.Single(e => e.Type == HistoryEventTypes.WaitStateExited);
        Assert.Equal(Machine.Epoch.AddSeconds(3600), exited.Timestamp);
        Assert.Equal(Machine.Epoch.AddSeconds(3600), machine.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Wait_SecondsPath_reads_the_number_of_seconds_from_the_effective_input()
    {
        var machine = new Machine("""{"StartAt":"W","States":{"W":{"Type":"Wait","InputPath":"$.cfg","SecondsPath":"$.delay","End":true}}}""");

        var result = await machine.RunAsync("""{"cfg":{"delay":90}}""");

        Assert.Equal(TimeSpan.FromSeconds(90), result.Duration);
        JsonAssert.Equal("""{"delay":90}""", result.Output);
    }

    [Fact]
    public async Task Wait_Timestamp_waits_until_that_instant()
    {
        var machine = new Machine("""{"StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"2024-01-01T02:30:00Z","End":true}}}""");

        var result = await machine.RunAsync();

        Assert.Equal(new DateTimeOffset(2024, 1, 1, 2, 30, 0, TimeSpan.Zero), result.StopDate);
    }

    [Fact]
    public async Task Wait_TimestampPath_with_an_offset_is_read_as_that_instant()
    {
        var machine = new Machine("""{"StartAt":"W","States":{"W":{"Type":"Wait","TimestampPath":"$.until","End":true}}}""");

        var result = await machine.RunAsync("""{"until":"2024-01-01T01:00:00+01:00"}""");

        Assert.Equal(TimeSpan.Zero, result.Duration);
    }

    [Fact]
    public async Task Wait_until_a_timestamp_in_the_past_does_not_wait()
    {
        var machine = new Machine("""{"StartAt":"W","States":{"W":{"Type":"Wait","TimestampPath":"$.until","End":true}}}""");

        var result = await machine.RunAsync("""{"until":"2023-06-01T00:00:00Z"}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(TimeSpan.Zero, result.Duration);
    }

    [Fact]
    public async Task Wait_SecondsPath_that_is_not_a_non_negative_integer_fails_with_States_Runtime()
    {
        var machine = new Machine("""{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.delay","End":true}}}""");

        var result = await machine.RunAsync("""{"delay":"soon"}""");

        Assert.Equal(StatesErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task Consecutive_waits_add_up_on_the_virtual_clock()
    {
        var machine = new Machine("""
            {"StartAt":"A","States":{
              "A":{"Type":"Wait","Seconds":5,"Next":"B"},
              "B":{"Type":"Wait","Seconds":7,"End":true}}}
            """);

        var result = await machine.RunAsync();

        var entered = result.History.Where(e => e.Type == HistoryEventTypes.WaitStateEntered).Select(e => e.Timestamp).ToList();
        Assert.Equal([Machine.Epoch, Machine.Epoch.AddSeconds(5)], entered);
        Assert.Equal(TimeSpan.FromSeconds(12), result.Duration);
    }
}
