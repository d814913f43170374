using System.Text.Json.Nodes;
using OutpostServerless.Local.Graph;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Tests.Graph;

/// <summary>How the graph reads an execution's history: which state succeeded, was retried, caught, failed or is waiting.</summary>
public sealed class ExecutionPathTests
{
    private const string Definition = """
        {"StartAt":"Flaky","States":{
          "Flaky":{"Type":"Task","Resource":"arn:aws:lambda:us-west-2:123456789012:function:Flaky","Retry":[{"ErrorEquals":["Boom"],"IntervalSeconds":1,"MaxAttempts":3}],"Next":"Risky"},
          "Risky":{"Type":"Task","Resource":"arn:aws:lambda:us-west-2:123456789012:function:Risky","Catch":[{"ErrorEquals":["States.ALL"],"Next":"GiveUp"}],"Next":"Unreached"},
          "Unreached":{"Type":"Succeed"},
          "GiveUp":{"Type":"Fail","Error":"Gave.Up"}}}
        """;

    [Fact]
    public async Task Retried_caught_failed_and_unreached_states_are_told_apart()
    {
        var clock = new VirtualClock(DateTimeOffset.UnixEpoch);
        var runner = new StateMachineRunner(StateMachineDefinition.Parse(Definition), new Scripted(), clock);

        var result = await runner.RunAsync(new JsonObject(), new ExecutionOptions { ExecutionName = "path" }, TestContext.Current.CancellationToken);
        var path = ExecutionPath.Of(result.History, result.Status);

        Assert.Equal((StateOutcome.Retried, 2), (path.OutcomeOf("Flaky"), path.RetriesOf("Flaky")));
        Assert.Equal(StateOutcome.Caught, path.OutcomeOf("Risky"));
        Assert.Equal(StateOutcome.Failed, path.OutcomeOf("GiveUp"));
        Assert.Equal(StateOutcome.NotRun, path.OutcomeOf("Unreached"));
    }

    [Fact]
    public async Task A_state_entered_and_not_left_by_a_running_execution_is_waiting()
    {
        var clock = new VirtualClock(DateTimeOffset.UnixEpoch);
        var events = new List<HistoryEvent>();
        var runner = new StateMachineRunner(StateMachineDefinition.Parse("""{"StartAt":"Hold","States":{"Hold":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","End":true}}}"""), new Scripted(), clock);
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(new JsonObject(), new ExecutionOptions { ExecutionName = "wait", Observer = events.Add }, stop.Token);

        SpinWait.SpinUntil(() => events.Any(e => e.Type == "TaskSubmitted"), TimeSpan.FromSeconds(10));
        var path = ExecutionPath.Of([.. events], "RUNNING");
        await stop.CancelAsync();
        var stopped = await running;

        Assert.Equal(StateOutcome.Waiting, path.OutcomeOf("Hold"));
        Assert.Equal((StateOutcome.Failed, "ABORTED"), (ExecutionPath.Of(stopped.History, stopped.Status).OutcomeOf("Hold"), stopped.Status));
    }

    [Fact]
    public async Task A_Parallel_whose_branch_failed_and_was_caught_is_caught_with_the_branch_error_and_the_failed_task_inside_it_failed()
    {
        var clock = new VirtualClock(DateTimeOffset.UnixEpoch);
        var definition = """
            {"StartAt":"Both","States":{
              "Both":{"Type":"Parallel","Branches":[{"StartAt":"Risky","States":{"Risky":{"Type":"Task","Resource":"arn:aws:lambda:us-west-2:123456789012:function:Risky","End":true}}}],
                      "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Done"}],"Next":"Done"},
              "Done":{"Type":"Succeed"}}}
            """;
        var runner = new StateMachineRunner(StateMachineDefinition.Parse(definition), new Scripted(), clock);

        var result = await runner.RunAsync(new JsonObject { ["asked"] = 1 }, new ExecutionOptions { ExecutionName = "parallel" }, TestContext.Current.CancellationToken);
        var path = ExecutionPath.Of(result.History, result.Status);

        Assert.Equal("SUCCEEDED", result.Status);
        Assert.Equal([("Both", StateOutcome.Caught), ("Risky", StateOutcome.Failed), ("Done", StateOutcome.Succeeded)], path.Visits.Select(v => (v.Name, v.Outcome)));
        var both = path.Visits[0];
        Assert.Equal(("Risky.Failed", 1), (both.Error, JsonNode.Parse(both.Input!)!["asked"]!.GetValue<int>()));
        Assert.Equal("Risky.Failed", path.Visits[1].Error);
        Assert.Equal("Risky.Failed", JsonNode.Parse(path.Visits[2].Output!)!["error"]!["Error"]!.GetValue<string>());
    }

    /// <summary>Flaky fails twice then succeeds; Risky always fails; a callback task is submitted and left waiting.</summary>
    private sealed class Scripted : ITaskInvoker
    {
        private int flakyCalls;

        public Task<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) => Task.FromResult(invocation.Resource switch
        {
            var r when r.EndsWith(":Flaky", StringComparison.Ordinal) => Interlocked.Increment(ref flakyCalls) <= 2 ? TaskOutcome.Failure("Boom", "not yet") : TaskOutcome.Success(new JsonObject()),
            var r when r.EndsWith(":Risky", StringComparison.Ordinal) => TaskOutcome.Failure("Risky.Failed", "always"),
            _ => TaskOutcome.Success(new JsonObject()),
        });
    }
}
