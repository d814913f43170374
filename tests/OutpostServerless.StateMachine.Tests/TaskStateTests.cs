using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>Task states: invoker contract, Lambda result and error shapes, timeouts on the virtual clock.</summary>
public sealed class TaskStateTests
{
    private const string Fn = "arn:aws:lambda:us-east-1:123456789012:function:CheckCapacity";
    private const string Invoke = "arn:aws:states:::lambda:invoke";

    [Fact]
    public async Task The_invoker_receives_the_resource_effective_input_state_name_and_retry_count()
    {
        var machine = new Machine($$"""{"StartAt":"Check","States":{"Check":{"Type":"Task","Resource":"{{Fn}}","Parameters":{"a.$":"$.x"},"End":true} } }""");
        machine.Tasks.Echoes(Fn);

        await machine.RunAsync("""{"x":1}""");

        var call = machine.Tasks.Invocations.Single();
        Assert.Equal(Fn, call.Resource);
        Assert.Equal("Check", call.StateName);
        Assert.Equal(0, call.RetryCount);
        JsonAssert.Equal("""{"a":1}""", call.Input);
    }

    [Fact]
    public async Task A_plain_Lambda_ARN_result_is_the_function_output_itself()
    {
        var machine = new Machine($$"""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","End":true} } }""");
        machine.Tasks.Returns(Fn, JsonNode.Parse("""{"free":4}"""));

        JsonAssert.Equal("""{"free":4}""", await machine.OutputAsync());
    }

    [Fact]
    public async Task The_lambda_invoke_integration_wraps_the_payload_like_the_Invoke_response()
    {
        var machine = new Machine($$"""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Invoke}}",
              "Parameters":{"FunctionName":"{{Fn}}","Payload.$":"$"},"End":true} } }
            """);
        machine.Tasks.Returns(Invoke, JsonNode.Parse("""{"free":4}"""));

        var output = await machine.OutputAsync("""{"q":1}""");

        JsonAssert.Equal("""{"free":4}""", output!["Payload"]);
        Assert.Equal(200, output["StatusCode"]!.GetValue<int>());
        Assert.Equal("$LATEST", output["ExecutedVersion"]!.GetValue<string>());
        Assert.Equal(200, output["SdkHttpMetadata"]!["HttpStatusCode"]!.GetValue<int>());
        Assert.Equal(output["SdkResponseMetadata"]!["RequestId"]!.GetValue<string>(), output["SdkHttpMetadata"]!["HttpHeaders"]!["x-amzn-RequestId"]!.GetValue<string>());
        JsonAssert.Equal("""{"FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:CheckCapacity","Payload":{"q":1}}""", machine.Tasks.Invocations.Single().Input);
    }

    [Fact]
    public async Task A_Lambda_function_error_surfaces_its_errorType_as_Error_and_the_error_JSON_as_Cause()
    {
        var machine = new Machine($$"""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","End":true} } }""");
        machine.Tasks.On(Fn, (_, _) => Task.FromResult(TaskOutcome.FunctionError("Provisioning.CapacityUnavailable", "only 1 m5.large free")));

        var result = await machine.RunAsync();

        Assert.Equal("Provisioning.CapacityUnavailable", result.Error);
        var cause = JsonNode.Parse(result.Cause!)!;
        Assert.Equal("only 1 m5.large free", cause["errorMessage"]!.GetValue<string>());
        Assert.Equal("Provisioning.CapacityUnavailable", cause["errorType"]!.GetValue<string>());
    }

    [Fact]
    public async Task TimeoutSeconds_raises_States_Timeout_when_the_task_runs_longer()
    {
        var machine = new Machine($$"""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","TimeoutSeconds":10,"End":true} } }""");
        machine.Tasks.On(Fn, async (_, ct) =>
        {
            await machine.Clock.Delay(TimeSpan.FromSeconds(30), ct);
            return TaskOutcome.Success(null);
        });

        var result = await machine.RunAsync();

        Assert.Equal(StatesErrorNames.Timeout, result.Error);
        var timedOut = result.History.Single(e => e.Type == HistoryEventTypes.LambdaFunctionTimedOut);
        Assert.Equal(Machine.Epoch.AddSeconds(10), timedOut.Timestamp);
        Assert.Equal(TimeSpan.FromSeconds(10), result.Duration);
    }

    [Fact]
    public async Task A_task_that_waits_on_the_clock_takes_that_virtual_time_and_succeeds_within_its_timeout()
    {
        var machine = new Machine($$"""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","TimeoutSeconds":60,"End":true} } }""");
        machine.Tasks.On(Fn, async (_, ct) =>
        {
            await machine.Clock.Delay(TimeSpan.FromSeconds(45), ct);
            return TaskOutcome.Success(JsonValue.Create("late but fine"));
        });

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(45), result.Duration);
    }

    [Fact]
    public async Task HeartbeatSeconds_without_heartbeats_times_out_and_matches_States_HeartbeatTimeout()
    {
        var machine = new Machine($$"""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"{{Invoke}}","Parameters":{"FunctionName":"f"},"TimeoutSeconds":100,"HeartbeatSeconds":20,"End":true,
                   "Catch":[{"ErrorEquals":["States.HeartbeatTimeout"],"Next":"Handled"}]},
              "Handled":{"Type":"Pass","End":true} } }
            """);
        machine.Tasks.On(Invoke, async (_, ct) =>
        {
            await machine.Clock.Delay(TimeSpan.FromSeconds(50), ct);
            return TaskOutcome.Success(null);
        });

        var result = await machine.RunAsync();

        JsonAssert.Equal("""{"Error":"States.Timeout","Cause":""}""", result.Output);
        Assert.Equal(TimeSpan.FromSeconds(20), result.Duration);
        Assert.Contains(result.History, e => e.Type == HistoryEventTypes.TaskTimedOut);
    }

    [Fact]
    public async Task A_States_TaskFailed_retrier_does_not_retry_a_timeout()
    {
        var machine = new Machine($$"""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","TimeoutSeconds":5,"End":true,
              "Retry":[{"ErrorEquals":["States.TaskFailed"]}]} } }
            """);
        machine.Tasks.On(Fn, async (_, ct) =>
        {
            await machine.Clock.Delay(TimeSpan.FromSeconds(30), ct);
            return TaskOutcome.Success(null);
        });

        var result = await machine.RunAsync();

        Assert.Equal(StatesErrorNames.Timeout, result.Error);
        Assert.Single(machine.Tasks.Invocations);
    }

    [Fact]
    public async Task An_exception_thrown_by_the_invoker_becomes_a_task_failure()
    {
        var machine = new Machine($$"""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","End":true} } }""");
        machine.Tasks.On(Fn, (_, _) => throw new InvalidOperationException("socket closed"));

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("Lambda.Unknown", result.Error);
        Assert.Contains("socket closed", result.Cause, StringComparison.Ordinal);
    }
}
