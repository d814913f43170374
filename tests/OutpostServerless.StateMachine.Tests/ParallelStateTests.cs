using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>Spec "Parallel State": branches on the same input, results in branch order, first failure wins.</summary>
public sealed class ParallelStateTests
{
    private const string Vpc = "arn:aws:lambda:us-east-1:123456789012:function:EnsureVpc";
    private const string Role = "arn:aws:lambda:us-east-1:123456789012:function:EnsureRole";

    [Fact]
    public async Task Parallel_result_is_the_array_of_branch_outputs_in_branch_order()
    {
        var machine = new Machine($$"""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","ResultPath":"$.made","End":true,"Branches":[
              {"StartAt":"Slow","States":{"Slow":{"Type":"Wait","Seconds":30,"Next":"V"},"V":{"Type":"Task","Resource":"{{Vpc}}","End":true} } },
              {"StartAt":"R","States":{"R":{"Type":"Task","Resource":"{{Role}}","End":true} } }]} } }
            """);
        machine.Tasks.Returns(Vpc, JsonValue.Create("vpc-1")).Returns(Role, JsonValue.Create("role-1"));

        var output = await machine.OutputAsync("""{"id":"p-1"}""");

        JsonAssert.Equal("""{"id":"p-1","made":["vpc-1","role-1"]}""", output);
    }

    [Fact]
    public async Task Every_branch_receives_the_effective_input_after_Parameters()
    {
        var machine = new Machine($$"""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Parameters":{"plan.$":"$.plan"},"End":true,"Branches":[
              {"StartAt":"V","States":{"V":{"Type":"Task","Resource":"{{Vpc}}","End":true} } },
              {"StartAt":"R","States":{"R":{"Type":"Task","Resource":"{{Role}}","End":true} } }]} } }
            """);
        machine.Tasks.Echoes(Vpc).Echoes(Role);

        await machine.OutputAsync("""{"plan":{"cidr":"10.0.0.0/16"},"noise":1}""");

        Assert.All(machine.Tasks.Invocations, i => JsonAssert.Equal("""{"plan":{"cidr":"10.0.0.0/16"}}""", i.Input));
    }

    [Fact]
    public async Task Branches_waiting_10_and_20_seconds_finish_together_after_20_virtual_seconds()
    {
        var machine = new Machine("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"W10","States":{"W10":{"Type":"Wait","Seconds":10,"End":true}}},
              {"StartAt":"W20","States":{"W20":{"Type":"Wait","Seconds":20,"End":true}}}]}}}
            """);

        var result = await machine.RunAsync();

        Assert.Equal(TimeSpan.FromSeconds(20), result.Duration);
        var exits = result.History.Where(e => e.Type == HistoryEventTypes.WaitStateExited).ToDictionary(e => e.StateName!, e => e.Timestamp);
        Assert.Equal(Machine.Epoch.AddSeconds(10), exits["W10"]);
        Assert.Equal(Machine.Epoch.AddSeconds(20), exits["W20"]);
    }

    [Fact]
    public async Task A_failing_branch_fails_the_Parallel_with_its_own_error_and_stops_the_other_branches()
    {
        var machine = new Machine($$"""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"Long","States":{"Long":{"Type":"Wait","Seconds":600,"Next":"V"},"V":{"Type":"Task","Resource":"{{Vpc}}","End":true} } },
              {"StartAt":"Soon","States":{"Soon":{"Type":"Wait","Seconds":5,"Next":"R"},"R":{"Type":"Task","Resource":"{{Role}}","End":true} } }]} } }
            """);
        machine.Tasks.Returns(Vpc, JsonValue.Create("vpc")).Fails(Role, "EntityAlreadyExists", "role exists");

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("EntityAlreadyExists", result.Error);
        Assert.Equal("role exists", result.Cause);
        Assert.DoesNotContain(machine.Tasks.Invocations, i => i.Resource == Vpc);
        Assert.Equal(TimeSpan.FromSeconds(5), result.Duration);
        Assert.Contains(result.History, e => e.Type == HistoryEventTypes.WaitStateAborted);
        Assert.Contains(result.History, e => e.Type == HistoryEventTypes.ParallelStateFailed);
    }

    [Fact]
    public async Task A_Parallel_failure_can_be_caught_like_a_task_failure()
    {
        var machine = new Machine($$"""
            {"StartAt":"P","States":{
              "P":{"Type":"Parallel","End":true,"Catch":[{"ErrorEquals":["EntityAlreadyExists"],"ResultPath":"$.failure","Next":"Rollback"}],"Branches":[
                {"StartAt":"R","States":{"R":{"Type":"Task","Resource":"{{Role}}","End":true} } }]},
              "Rollback":{"Type":"Pass","End":true} } }
            """);
        machine.Tasks.Fails(Role, "EntityAlreadyExists", "role exists");

        var output = await machine.OutputAsync("""{"id":1}""");

        JsonAssert.Equal("""{"id":1,"failure":{"Error":"EntityAlreadyExists","Cause":"role exists"}}""", output);
    }

    [Fact]
    public async Task A_Parallel_can_be_retried_as_a_whole()
    {
        var machine = new Machine($$"""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Retry":[{"ErrorEquals":["Throttling"],"IntervalSeconds":3}],"Branches":[
              {"StartAt":"R","States":{"R":{"Type":"Task","Resource":"{{Role}}","End":true} } }]} } }
            """);
        machine.Tasks.Sequence(Role, TaskOutcome.Failure("Throttling", null), TaskOutcome.Success(JsonValue.Create("r")));

        var result = await machine.RunAsync();

        JsonAssert.Equal("""["r"]""", result.Output);
        Assert.Equal(TimeSpan.FromSeconds(3), result.Duration);
        Assert.Equal(2, result.History.Count(e => e.Type == HistoryEventTypes.ParallelStateStarted));
    }

    [Fact]
    public async Task Parallel_history_brackets_the_branches_with_started_and_succeeded_events()
    {
        var machine = new Machine("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}]}}}
            """);

        var result = await machine.RunAsync();

        var types = result.History.Select(e => e.Type).ToList();
        Assert.Equal(HistoryEventTypes.ParallelStateEntered, types[1]);
        Assert.Equal(HistoryEventTypes.ParallelStateStarted, types[2]);
        Assert.Equal([HistoryEventTypes.ParallelStateSucceeded, HistoryEventTypes.ParallelStateExited, HistoryEventTypes.ExecutionSucceeded], types.TakeLast(3));
        var started = result.History.Single(e => e.Type == HistoryEventTypes.ParallelStateStarted);
        Assert.All(
            result.History.Where(e => e.Type == HistoryEventTypes.PassStateEntered),
            e => Assert.Equal(started.Id, e.PreviousEventId));
    }
}
