using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>Execution-level behaviour: TimeoutSeconds, stopping, determinism, identity.</summary>
public sealed class ExecutionTests
{
    private const string Fn = "arn:aws:lambda:us-east-1:123456789012:function:fn";

    [Fact]
    public async Task Execution_TimeoutSeconds_ends_the_execution_as_TIMED_OUT_at_that_virtual_instant()
    {
        var machine = new Machine("""
            {"TimeoutSeconds":60,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}
            """);

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(60), result.Duration);
        Assert.Equal(
            [HistoryEventTypes.WaitStateAborted, HistoryEventTypes.ExecutionTimedOut],
            result.History.TakeLast(2).Select(e => e.Type));
    }

    [Fact]
    public async Task A_timed_out_execution_has_no_error_or_cause_and_its_event_names_States_Timeout_alone()
    {
        var machine = new Machine("""
            {"TimeoutSeconds":60,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}
            """);

        var result = await machine.RunAsync();

        Assert.Equal((null, null), (result.Error, result.Cause));
        var timedOut = result.History[^1];
        Assert.Equal(StatesErrorNames.Timeout, timedOut.Error);
        Assert.False(timedOut.Details!.ContainsKey("cause"));
    }

    [Fact]
    public async Task An_execution_that_finishes_in_time_is_not_affected_by_TimeoutSeconds()
    {
        var machine = new Machine("""
            {"TimeoutSeconds":60,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":59,"End":true}}}
            """);

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task Cancelling_the_run_stops_the_execution_as_ABORTED()
    {
        using var stop = new CancellationTokenSource();
        var definition = StateMachineDefinition.Parse($$"""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","Next":"W"},"W":{"Type":"Wait","Seconds":100,"End":true} } }
            """);
        var clock = new VirtualClock(Machine.Epoch);
        var tasks = new FakeTaskInvoker(clock).On(Fn, (_, _) =>
        {
            stop.Cancel();
            return Task.FromResult(TaskOutcome.Success(null));
        });

        var result = await new StateMachineRunner(definition, tasks, clock).RunAsync(null, new ExecutionOptions { ExecutionName = "x" }, stop.Token);

        Assert.Equal(ExecutionStatus.Aborted, result.Status);
        Assert.Equal(HistoryEventTypes.ExecutionAborted, result.History[^1].Type);
    }

    [Fact]
    public async Task Runs_with_the_same_seed_write_identical_histories()
    {
        const string definition = $$"""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"{{Fn}}","Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":3,"JitterStrategy":"FULL","IntervalSeconds":4}],"End":true} } },
              {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":3,"Next":"C"},"C":{"Type":"Pass","Parameters":{"id.$":"States.UUID()"},"End":true} } }]} } }
            """;

        async Task<string> HistoryText()
        {
            var machine = new Machine(definition);
            machine.Tasks.Fails(Fn, "Flaky");
            var result = await machine.RunAsync(seed: 99);
            return new JsonArray(result.History.Select(e => (JsonNode?)e.ToJson()).ToArray()).ToJsonString();
        }

        Assert.Equal(await HistoryText(), await HistoryText());
    }

    [Fact]
    public async Task Without_a_name_an_execution_is_named_with_a_UUID_from_the_random_source()
    {
        var definition = StateMachineDefinition.Parse("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");
        var clock = new VirtualClock(Machine.Epoch);
        var runner = new StateMachineRunner(definition, new FakeTaskInvoker(clock), clock);

        var first = await runner.RunAsync(null, new ExecutionOptions { Jitter = new Random(5) }, CancellationToken.None);
        var second = await runner.RunAsync(null, new ExecutionOptions { Jitter = new Random(5) }, CancellationToken.None);

        Assert.Equal(36, first.ExecutionName.Length);
        Assert.Equal(first.ExecutionName, second.ExecutionName);
        Assert.EndsWith(":execution:OutpostServerless:" + first.ExecutionName, first.ExecutionArn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_executions_can_share_one_virtual_clock()
    {
        var clock = new VirtualClock(Machine.Epoch);
        var definition = StateMachineDefinition.Parse("""{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","End":true}}}""");
        var runner = new StateMachineRunner(definition, new FakeTaskInvoker(clock), clock);

        Task<ExecutionResult>[] runs;
        using (clock.Hold())
        {
            runs =
            [
                runner.RunAsync(JsonNode.Parse("""{"s":30}"""), new ExecutionOptions { ExecutionName = "a" }, CancellationToken.None),
                runner.RunAsync(JsonNode.Parse("""{"s":10}"""), new ExecutionOptions { ExecutionName = "b" }, CancellationToken.None),
            ];
        }

        var results = await Task.WhenAll(runs);

        Assert.Equal(Machine.Epoch.AddSeconds(30), results[0].StopDate);
        Assert.Equal(Machine.Epoch.AddSeconds(10), results[1].StopDate);
    }

    [Fact]
    public async Task The_engine_also_runs_on_real_time()
    {
        var definition = StateMachineDefinition.Parse($$"""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"W","Branches":[
              {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","End":true} } },
              {"StartAt":"Q","States":{"Q":{"Type":"Pass","Result":2,"End":true} } }]},
              "W":{"Type":"Wait","Seconds":0,"End":true} } }
            """);
        var tasks = new FakeTaskInvoker(TimeProvider.System).Returns(Fn, JsonValue.Create(1));

        var result = await new StateMachineRunner(definition, tasks, TimeProvider.System).RunAsync(null, new ExecutionOptions(), CancellationToken.None);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        JsonAssert.Equal("[1,2]", result.Output);
    }
}
