using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>The execution history, in GetExecutionHistory's vocabulary and shape.</summary>
public sealed class HistoryTests
{
    private const string Fn = "arn:aws:lambda:us-east-1:123456789012:function:EnsureCluster";
    private const string Invoke = "arn:aws:states:::lambda:invoke";

    private const string LambdaMachine = $$"""
        {"StartAt":"EnsureCluster","States":{"EnsureCluster":{"Type":"Task","Resource":"{{Fn}}","End":true} } }
        """;

    [Fact]
    public async Task A_succeeding_Lambda_task_writes_the_AWS_event_sequence()
    {
        var machine = new Machine(LambdaMachine);
        machine.Tasks.Returns(Fn, JsonNode.Parse("""{"clusterArn":"arn:c"}"""));

        var result = await machine.RunAsync("""{"name":"c"}""");

        Assert.Equal(
            [
                HistoryEventTypes.ExecutionStarted, HistoryEventTypes.TaskStateEntered, HistoryEventTypes.LambdaFunctionScheduled,
                HistoryEventTypes.LambdaFunctionStarted, HistoryEventTypes.LambdaFunctionSucceeded, HistoryEventTypes.TaskStateExited,
                HistoryEventTypes.ExecutionSucceeded,
            ],
            result.History.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), result.History.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => (long)i), result.History.Select(e => e.PreviousEventId));
    }

    [Fact]
    public async Task Event_details_carry_names_inputs_and_outputs_as_JSON_text()
    {
        var machine = new Machine(LambdaMachine);
        machine.Tasks.Returns(Fn, JsonNode.Parse("""{"clusterArn":"arn:c"}"""));

        var result = await machine.RunAsync("""{"name":"c"}""");

        var started = result.History[0];
        Assert.Equal("executionStartedEventDetails", started.DetailsName);
        Assert.Equal("""{"name":"c"}""", started.Details!["input"]!.GetValue<string>());
        Assert.Equal("arn:aws:iam::123456789012:role/TestRole", started.Details["roleArn"]!.GetValue<string>());
        var entered = result.History[1];
        Assert.Equal("stateEnteredEventDetails", entered.DetailsName);
        Assert.Equal("EnsureCluster", entered.StateName);
        var scheduled = result.History[2];
        Assert.Equal("lambdaFunctionScheduledEventDetails", scheduled.DetailsName);
        Assert.Equal(Fn, scheduled.Details!["resource"]!.GetValue<string>());
        var succeeded = result.History[4];
        Assert.Equal("""{"clusterArn":"arn:c"}""", succeeded.Details!["output"]!.GetValue<string>());
        var exited = result.History[5];
        Assert.Equal("stateExitedEventDetails", exited.DetailsName);
        Assert.Equal("""{"clusterArn":"arn:c"}""", exited.Details!["output"]!.GetValue<string>());
        Assert.Equal("""{"clusterArn":"arn:c"}""", result.History[6].Details!["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_Lambda_task_writes_the_AWS_event_sequence_without_a_state_exit()
    {
        var machine = new Machine(LambdaMachine);
        machine.Tasks.On(Fn, (_, _) => Task.FromResult(TaskOutcome.FunctionError("ClusterLimitExceeded", "too many clusters")));

        var result = await machine.RunAsync();

        Assert.Equal(
            [
                HistoryEventTypes.ExecutionStarted, HistoryEventTypes.TaskStateEntered, HistoryEventTypes.LambdaFunctionScheduled,
                HistoryEventTypes.LambdaFunctionStarted, HistoryEventTypes.LambdaFunctionFailed, HistoryEventTypes.ExecutionFailed,
            ],
            result.History.Select(e => e.Type));
        var failed = result.History[4];
        Assert.Equal("ClusterLimitExceeded", failed.Error);
        Assert.Equal(result.Cause, failed.Details!["cause"]!.GetValue<string>());
        Assert.Equal("ClusterLimitExceeded", result.History[5].Error);
        Assert.Equal(5, result.History[5].PreviousEventId);
    }

    [Fact]
    public async Task The_lambda_invoke_integration_writes_Task_events_with_resource_type_and_parameters()
    {
        var machine = new Machine($$"""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Invoke}}","TimeoutSeconds":30,
              "Parameters":{"FunctionName":"fn","Payload":{"a":1} },"End":true} } }
            """);
        machine.Tasks.Returns(Invoke, JsonValue.Create(1));

        var result = await machine.RunAsync();

        Assert.Equal(
            [HistoryEventTypes.TaskScheduled, HistoryEventTypes.TaskStarted, HistoryEventTypes.TaskSucceeded],
            result.History.Skip(2).Take(3).Select(e => e.Type));
        var scheduled = result.History[2].Details!;
        Assert.Equal("lambda", scheduled["resourceType"]!.GetValue<string>());
        Assert.Equal("invoke", scheduled["resource"]!.GetValue<string>());
        Assert.Equal("us-east-1", scheduled["region"]!.GetValue<string>());
        Assert.Equal(30, scheduled["timeoutInSeconds"]!.GetValue<int>());
        Assert.Equal("""{"FunctionName":"fn","Payload":{"a":1}}""", scheduled["parameters"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retries_repeat_the_scheduled_started_failed_events_inside_one_state_visit()
    {
        var machine = new Machine($$"""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":1}],"End":true} } }
            """);
        machine.Tasks.Sequence(Fn, TaskOutcome.Failure("Throttling", null), TaskOutcome.Success(null));

        var result = await machine.RunAsync();

        Assert.Equal(1, result.History.Count(e => e.Type == HistoryEventTypes.TaskStateEntered));
        Assert.Equal(2, result.History.Count(e => e.Type == HistoryEventTypes.LambdaFunctionScheduled));
        var retried = result.History.Where(e => e.Type == HistoryEventTypes.LambdaFunctionScheduled).Select(e => e.Timestamp).ToList();
        Assert.Equal(TimeSpan.FromSeconds(1), retried[1] - retried[0]);
    }

    [Fact]
    public async Task The_observer_sees_every_event_as_it_is_written_in_id_order()
    {
        var machine = new Machine("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"W","Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":2,"End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":1,"End":true}}}]},
              "W":{"Type":"Wait","Seconds":1,"End":true}}}
            """);

        var result = await machine.RunAsync();

        Assert.Equal(result.History, machine.Observed);
    }

    [Fact]
    public async Task State_transitions_count_one_per_state_entered_including_nested_states()
    {
        var machine = new Machine("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"S","Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","End":true}}},
              {"StartAt":"C","States":{"C":{"Type":"Pass","End":true}}}]},
              "S":{"Type":"Succeed"}}}
            """);

        var result = await machine.RunAsync();

        Assert.Equal(result.History.Count(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal)), result.StateTransitions);
        Assert.Equal(5, result.StateTransitions);
    }

    [Fact]
    public async Task History_events_serialize_as_GetExecutionHistory_entries()
    {
        var machine = new Machine("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");

        var result = await machine.RunAsync();

        var json = result.History[1].ToJson();
        Assert.Equal("PassStateEntered", json["type"]!.GetValue<string>());
        Assert.Equal(2, json["id"]!.GetValue<long>());
        Assert.Equal(1, json["previousEventId"]!.GetValue<long>());
        Assert.Equal("2024-01-01T00:00:00.000Z", json["timestamp"]!.GetValue<string>());
        Assert.Equal("P", json["stateEnteredEventDetails"]!["name"]!.GetValue<string>());
    }
}
