using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Tests.Wire;
using static OutpostServerless.Emulator.Tests.Wire.CliJson;

namespace OutpostServerless.Cli.Tests.Services;

/// <summary>
/// The callback pattern through the AWS CLI: a <c>lambda:invoke.waitForTaskToken</c> task waits until
/// SendTaskSuccess or SendTaskFailure names its token; SendTaskHeartbeat keeps it alive; Step Functions'
/// token errors (InvalidToken, TaskTimedOut) as AWS answers them.
/// </summary>
public sealed class AwsCliTaskTokenTests
{
    private const string Definition = """
        {"StartAt":"Approve","States":{"Approve":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters":{"FunctionName":"ValidateRequestFunction","Payload":{"request.$":"$.request","executionName":"callback","token.$":"$$.Task.Token"}},
          "End":true}}}
        """;

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task A_callback_task_waits_for_its_token_and_ends_as_the_caller_says(AwsCliVersion version)
    {
        await using var session = await ServicesSession.StartAsync(version);
        var machine = Text((await session.Aws.JsonAsync("stepfunctions", "create-state-machine", "--name", "approval", "--definition", Definition, "--role-arn", "arn:aws:iam::123456789012:role/approval"))["stateMachineArn"]);
        var input = new JsonObject { ["request"] = JsonNode.Parse(File.ReadAllText(RepositoryFiles.Example("web-service.json"))) }.ToJsonString();

        var approved = Text((await session.Aws.JsonAsync("stepfunctions", "start-execution", "--state-machine-arn", machine, "--name", "approved", "--input", input))["executionArn"]);
        var token = await TokenAsync(session, approved);
        await session.Aws.SucceedsAsync("stepfunctions", "send-task-heartbeat", "--task-token", token);
        await session.Aws.SucceedsAsync("stepfunctions", "send-task-success", "--task-token", token, "--task-output", """{"approved":true}""");
        var succeeded = await session.Aws.JsonAsync("stepfunctions", "describe-execution", "--execution-arn", approved);
        var late = await session.Aws.RunAsync("stepfunctions", "send-task-success", "--task-token", token, "--task-output", "{}");

        var refused = Text((await session.Aws.JsonAsync("stepfunctions", "start-execution", "--state-machine-arn", machine, "--name", "refused", "--input", input))["executionArn"]);
        await session.Aws.SucceedsAsync("stepfunctions", "send-task-failure", "--task-token", await TokenAsync(session, refused), "--error", "Approval.Denied", "--cause", "not today");
        var failed = await session.Aws.JsonAsync("stepfunctions", "describe-execution", "--execution-arn", refused);
        var malformed = await session.Aws.RunAsync("stepfunctions", "send-task-success", "--task-token", "not-a-token", "--task-output", "{}");

        Assert.Equal("SUCCEEDED", Text((await WhenStoppedAsync(session, approved))["status"]));
        Assert.Equal(JsonNode.Parse("""{"approved":true}""")!.ToJsonString(), JsonNode.Parse(Text((await WhenStoppedAsync(session, approved))["output"]))!.ToJsonString());
        Assert.Contains("(TaskTimedOut)", late.Error, StringComparison.Ordinal);
        Assert.Equal(("FAILED", "Approval.Denied", "not today"), (Text((await WhenStoppedAsync(session, refused))["status"]), Text((await WhenStoppedAsync(session, refused))["error"]), Text((await WhenStoppedAsync(session, refused))["cause"])));
        Assert.Contains("(InvalidToken)", malformed.Error, StringComparison.Ordinal);
        Assert.NotNull(succeeded["startDate"]);
        Assert.NotNull(failed["startDate"]);
        Assert.Empty(session.ModelViolations());
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task Stopping_a_waiting_execution_aborts_it_with_the_error_and_cause_given(AwsCliVersion version)
    {
        await using var session = await ServicesSession.StartAsync(version);
        var machine = Text((await session.Aws.JsonAsync("stepfunctions", "create-state-machine", "--name", "approval", "--definition", Definition, "--role-arn", "arn:aws:iam::123456789012:role/approval"))["stateMachineArn"]);
        var input = new JsonObject { ["request"] = JsonNode.Parse(File.ReadAllText(RepositoryFiles.Example("web-service.json"))) }.ToJsonString();
        var waiting = Text((await session.Aws.JsonAsync("stepfunctions", "start-execution", "--state-machine-arn", machine, "--name", "waiting", "--input", input))["executionArn"]);
        var token = await TokenAsync(session, waiting);

        var running = (await session.Aws.JsonAsync("stepfunctions", "list-executions", "--state-machine-arn", machine, "--status-filter", "RUNNING"))["executions"]!.AsArray();
        var stopped = await session.Aws.JsonAsync("stepfunctions", "stop-execution", "--execution-arn", waiting, "--error", "Operator.Stopped", "--cause", "changed my mind");
        var described = await session.Aws.JsonAsync("stepfunctions", "describe-execution", "--execution-arn", waiting);
        var aborted = (await session.Aws.JsonAsync("stepfunctions", "list-executions", "--state-machine-arn", machine, "--status-filter", "ABORTED"))["executions"]!.AsArray();
        var history = (await session.Aws.JsonAsync("stepfunctions", "get-execution-history", "--execution-arn", waiting, "--reverse-order", "--no-paginate", "--max-results", "1"))["events"]!.AsArray();
        var late = await session.Aws.RunAsync("stepfunctions", "send-task-success", "--task-token", token, "--task-output", "{}");

        Assert.Equal("waiting", Text(Assert.Single(running)!["name"]));
        Assert.Equal(("ABORTED", "Operator.Stopped", "changed my mind"), (Text(described["status"]), Text(described["error"]), Text(described["cause"])));
        Assert.Equal(Time(stopped["stopDate"]), Time(described["stopDate"]));
        Assert.Equal("waiting", Text(Assert.Single(aborted)!["name"]));
        Assert.Equal("ExecutionAborted", Text(history[0]!["type"]));
        Assert.Contains("(TaskTimedOut)", late.Error, StringComparison.Ordinal);
        Assert.Empty(session.ModelViolations());
    }

    /// <summary>The token the task handed the function, read from the TaskScheduled event's parameters once it is written.</summary>
    private static async Task<string> TokenAsync(ServicesSession session, string executionArn)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var events = (await session.Aws.JsonAsync("stepfunctions", "get-execution-history", "--execution-arn", executionArn))["events"]!.AsArray();
            if (events.Any(e => Text(e!["type"]) == "TaskSubmitted")
                && events.FirstOrDefault(e => Text(e!["type"]) == "TaskScheduled") is { } scheduled)
            {
                return JsonNode.Parse(Text(scheduled["taskScheduledEventDetails"]!["parameters"]))!["Payload"]!["token"]!.GetValue<string>();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }

        throw new InvalidOperationException($"{executionArn} never submitted its task.");
    }

    private static async Task<JsonNode> WhenStoppedAsync(ServicesSession session, string executionArn)
    {
        await session.StepFunctions.WhenStoppedAsync(executionArn, TestContext.Current.CancellationToken);
        return await session.Aws.JsonAsync("stepfunctions", "describe-execution", "--execution-arn", executionArn);
    }
}
