using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>
/// AWS "Wait for a Callback with Task Token" (<c>.waitForTaskToken</c>): the task gets a token in
/// <c>$$.Task.Token</c>, then waits for SendTaskSuccess/SendTaskFailure; SendTaskHeartbeat resets HeartbeatSeconds.
/// </summary>
public sealed class CallbackTaskTests
{
    private const string Queue = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
    private const string Invoke = "arn:aws:states:::lambda:invoke.waitForTaskToken";

    private static Machine CallbackMachine(string limits = "") => new($$"""
        {"StartAt":"Approve","States":{"Approve":{"Type":"Task","Resource":"{{Queue}}"{{limits}},
          "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token","order.$":"$.order"} },"End":true} } }
        """);

    [Fact]
    public async Task The_task_token_is_in_the_context_object_and_reaches_the_service_call()
    {
        var machine = CallbackMachine();
        machine.Tasks.On(Queue, (call, _) =>
        {
            machine.Runner.SendTaskSuccess(call.TaskToken!, "{}");
            return Task.FromResult(TaskOutcome.Success(JsonNode.Parse("""{"MessageId":"m-1"}""")));
        });

        await machine.RunAsync("""{"order":7}""");

        var call = machine.Tasks.Invocations.Single();
        Assert.False(string.IsNullOrEmpty(call.TaskToken));
        Assert.Equal(call.TaskToken, call.Input!["MessageBody"]!["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendTaskSuccess_output_becomes_the_task_result_not_the_service_response()
    {
        var machine = CallbackMachine();
        machine.Tasks.On(Queue, (call, _) =>
        {
            machine.Runner.SendTaskSuccess(call.TaskToken!, """{"approved":true}""");
            return Task.FromResult(TaskOutcome.Success(JsonNode.Parse("""{"MessageId":"m-1"}""")));
        });

        JsonAssert.Equal("""{"approved":true}""", await machine.OutputAsync("""{"order":7}"""));
    }

    [Fact]
    public async Task SendTaskFailure_fails_the_task_with_the_given_error_and_cause()
    {
        var machine = CallbackMachine();
        machine.Tasks.On(Queue, (call, _) =>
        {
            machine.Runner.SendTaskFailure(call.TaskToken!, "Order.Rejected", "out of stock");
            return Task.FromResult(TaskOutcome.Success(null));
        });

        var result = await machine.RunAsync("""{"order":7}""");

        Assert.Equal(("Order.Rejected", "out of stock"), (result.Error, result.Cause));
        var failed = result.History.Single(e => e.Type == HistoryEventTypes.TaskFailed);
        Assert.Equal("Order.Rejected", failed.Error);
    }

    [Fact]
    public async Task The_history_shows_the_call_submitted_before_the_callback_completes_the_task()
    {
        var machine = CallbackMachine();
        machine.Tasks.On(Queue, (call, _) =>
        {
            machine.Runner.SendTaskSuccess(call.TaskToken!, """{"approved":true}""");
            return Task.FromResult(TaskOutcome.Success(JsonNode.Parse("""{"MessageId":"m-1"}""")));
        });

        var result = await machine.RunAsync("""{"order":7}""");

        Assert.Equal(
            [HistoryEventTypes.TaskScheduled, HistoryEventTypes.TaskStarted, HistoryEventTypes.TaskSubmitted, HistoryEventTypes.TaskSucceeded],
            result.History.Select(e => e.Type).Where(t => t.StartsWith("Task", StringComparison.Ordinal) && !t.Contains("State", StringComparison.Ordinal)));
        var submitted = result.History.Single(e => e.Type == HistoryEventTypes.TaskSubmitted);
        Assert.Equal("""{"MessageId":"m-1"}""", submitted.Details!["output"]!.GetValue<string>());
        Assert.Equal("sendMessage.waitForTaskToken", submitted.Details["resource"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_task_waits_for_a_callback_sent_from_outside_the_execution()
    {
        var machine = CallbackMachine();
        var issued = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        machine.Tasks.On(Queue, (call, _) =>
        {
            issued.SetResult(call.TaskToken!);
            return Task.FromResult(TaskOutcome.Success(null));
        });

        var running = machine.RunAsync("""{"order":7}""");
        var token = await issued.Task;
        Assert.False(running.IsCompleted);
        machine.Runner.SendTaskSuccess(token, """{"approved":"later"}""");
        var result = await running;

        JsonAssert.Equal("""{"approved":"later"}""", result.Output);
    }

    [Fact]
    public async Task TimeoutSeconds_ends_an_unanswered_callback_with_States_Timeout_on_the_virtual_clock()
    {
        var machine = CallbackMachine(""","TimeoutSeconds":300""");
        machine.Tasks.On(Queue, (_, _) => Task.FromResult(TaskOutcome.Success(null)));

        var result = await machine.RunAsync("""{"order":7}""");

        Assert.Equal(StatesErrorNames.Timeout, result.Error);
        Assert.Equal(TimeSpan.FromSeconds(300), result.Duration);
        Assert.Contains(result.History, e => e.Type == HistoryEventTypes.TaskTimedOut);
    }

    [Fact]
    public async Task SendTaskHeartbeat_keeps_a_callback_task_alive_past_HeartbeatSeconds()
    {
        var machine = CallbackMachine(""","TimeoutSeconds":300,"HeartbeatSeconds":20""");
        machine.Tasks.On(Queue, async (call, ct) =>
        {
            for (var i = 0; i < 4; i++)
            {
                await machine.Clock.Delay(TimeSpan.FromSeconds(15), ct);
                machine.Runner.SendTaskHeartbeat(call.TaskToken!);
            }

            machine.Runner.SendTaskSuccess(call.TaskToken!, "\"done\"");
            return TaskOutcome.Success(null);
        });

        var result = await machine.RunAsync("""{"order":7}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(60), result.Duration);
    }

    [Fact]
    public async Task Without_heartbeats_HeartbeatSeconds_times_out_and_is_caught_as_States_HeartbeatTimeout()
    {
        var machine = new Machine($$"""
            {"StartAt":"Approve","States":{
              "Approve":{"Type":"Task","Resource":"{{Queue}}","TimeoutSeconds":300,"HeartbeatSeconds":20,
                "Parameters":{"token.$":"$$.Task.Token"},"End":true,
                "Catch":[{"ErrorEquals":["States.HeartbeatTimeout"],"Next":"NoHeartbeat"}]},
              "NoHeartbeat":{"Type":"Pass","End":true} } }
            """);
        machine.Tasks.On(Queue, (_, _) => Task.FromResult(TaskOutcome.Success(null)));

        var result = await machine.RunAsync();

        JsonAssert.Equal("""{"Error":"States.Timeout","Cause":""}""", result.Output);
        Assert.Equal(TimeSpan.FromSeconds(20), result.Duration);
    }

    [Fact]
    public async Task The_heartbeat_limit_counts_from_the_last_heartbeat()
    {
        var machine = CallbackMachine(""","TimeoutSeconds":300,"HeartbeatSeconds":20""");
        machine.Tasks.On(Queue, async (call, ct) =>
        {
            await machine.Clock.Delay(TimeSpan.FromSeconds(15), ct);
            machine.Runner.SendTaskHeartbeat(call.TaskToken!);
            return TaskOutcome.Success(null);
        });

        var result = await machine.RunAsync("""{"order":7}""");

        Assert.Equal(StatesErrorNames.Timeout, result.Error);
        Assert.Equal(TimeSpan.FromSeconds(35), result.Duration);
    }

    [Fact]
    public async Task Each_retry_attempt_gets_a_new_task_token()
    {
        var machine = CallbackMachine(""","Retry":[{"ErrorEquals":["Order.Busy"],"IntervalSeconds":1}]""");
        machine.Tasks.On(Queue, (call, _) =>
        {
            if (call.RetryCount == 0)
            {
                machine.Runner.SendTaskFailure(call.TaskToken!, "Order.Busy");
            }
            else
            {
                machine.Runner.SendTaskSuccess(call.TaskToken!, "1");
            }

            return Task.FromResult(TaskOutcome.Success(null));
        });

        await machine.RunAsync("""{"order":7}""");

        var tokens = machine.Tasks.Invocations.Select(c => c.TaskToken).ToList();
        Assert.Equal(2, tokens.Distinct().Count());
    }

    [Fact]
    public async Task A_token_of_a_finished_task_is_refused_with_TaskTimedOut()
    {
        var machine = CallbackMachine();
        machine.Tasks.On(Queue, (call, _) =>
        {
            machine.Runner.SendTaskSuccess(call.TaskToken!, "{}");
            return Task.FromResult(TaskOutcome.Success(null));
        });
        await machine.RunAsync("""{"order":7}""");
        var token = machine.Tasks.Invocations.Single().TaskToken!;

        var refused = Assert.Throws<TaskTokenException>(() => machine.Runner.SendTaskSuccess(token, "{}"));

        Assert.Equal(TaskTokenErrorCodes.TaskTimedOut, refused.ErrorCode);
    }

    [Theory]
    [InlineData("not a token", TaskTokenErrorCodes.InvalidToken)]
    [InlineData("AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", TaskTokenErrorCodes.TaskDoesNotExist)]
    public void A_token_the_runner_never_issued_is_refused(string token, string errorCode)
    {
        var machine = CallbackMachine();

        var refused = Assert.Throws<TaskTokenException>(() => machine.Runner.SendTaskHeartbeat(token));

        Assert.Equal(errorCode, refused.ErrorCode);
    }

    [Fact]
    public async Task SendTaskSuccess_with_output_that_is_not_JSON_is_refused_with_InvalidOutput()
    {
        var machine = CallbackMachine();
        TaskTokenException? refused = null;
        machine.Tasks.On(Queue, (call, _) =>
        {
            refused = Assert.Throws<TaskTokenException>(() => machine.Runner.SendTaskSuccess(call.TaskToken!, "{not json"));
            machine.Runner.SendTaskSuccess(call.TaskToken!, "{}");
            return Task.FromResult(TaskOutcome.Success(null));
        });

        await machine.RunAsync("""{"order":7}""");

        Assert.Equal(TaskTokenErrorCodes.InvalidOutput, refused!.ErrorCode);
    }

    [Fact]
    public async Task Lambda_invoke_waitForTaskToken_submits_the_Invoke_response_and_returns_the_callback_output()
    {
        var machine = new Machine($$"""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Invoke}}",
              "Parameters":{"FunctionName":"f","Payload":{"token.$":"$$.Task.Token"} },"End":true} } }
            """);
        machine.Tasks.On(Invoke, (call, _) =>
        {
            machine.Runner.SendTaskSuccess(call.TaskToken!, """{"result":1}""");
            return Task.FromResult(TaskOutcome.Success(JsonNode.Parse("""{"accepted":true}""")));
        });

        var result = await machine.RunAsync();

        JsonAssert.Equal("""{"result":1}""", result.Output);
        var submitted = JsonNode.Parse(result.History.Single(e => e.Type == HistoryEventTypes.TaskSubmitted).Details!["output"]!.GetValue<string>())!;
        JsonAssert.Equal("""{"accepted":true}""", submitted["Payload"]);
        Assert.Equal(200, submitted["StatusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_final_result_ends_a_callback_task_without_waiting()
    {
        var machine = CallbackMachine(""","TimeoutSeconds":300""");
        machine.Tasks.On(Queue, (_, _) => Task.FromResult(TaskOutcome.FinalResult(JsonNode.Parse("""{"mocked":true}"""))));

        var result = await machine.RunAsync("""{"order":7}""");

        JsonAssert.Equal("""{"mocked":true}""", result.Output);
        Assert.Equal(TimeSpan.Zero, result.Duration);
    }

    [Fact]
    public async Task The_task_token_is_absent_from_the_context_of_a_task_that_does_not_wait_for_one()
    {
        var machine = new Machine("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
              "Parameters":{"token.$":"$$.Task.Token"},"End":true} } }
            """);

        var result = await machine.RunAsync();

        Assert.Equal(StatesErrorNames.Runtime, result.Error);
        Assert.Contains("$$.Task.Token", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execution_TimeoutSeconds_ends_an_execution_stuck_on_an_unanswered_callback()
    {
        var machine = new Machine($$"""
            {"TimeoutSeconds":3600,"StartAt":"Approve","States":{"Approve":{"Type":"Task","Resource":"{{Queue}}",
              "Parameters":{"token.$":"$$.Task.Token"},"End":true} } }
            """);
        machine.Tasks.On(Queue, (_, _) => Task.FromResult(TaskOutcome.Success(null)));

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal(TimeSpan.FromHours(1), result.Duration);
    }
}
