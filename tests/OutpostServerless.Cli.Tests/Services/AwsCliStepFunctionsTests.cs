using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Tests.Wire;
using static OutpostServerless.Emulator.Tests.Wire.CliJson;
using OutpostServerless.Local.StepFunctions;
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Cli.Tests.Services;

/// <summary>
/// Step Functions on <c>emulator serve</c>'s endpoint, driven by the AWS CLI v1 and v2: the template's state machines
/// are there at start, executions run the real functions against the emulated world, and every request the CLI
/// sent validates against botocore's <c>stepfunctions</c> model.
/// </summary>
public sealed class AwsCliStepFunctionsTests
{
    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task The_templates_state_machines_are_listed_and_described_with_their_real_arns(AwsCliVersion version)
    {
        await using var session = await ServicesSession.StartAsync(version);

        var listed = (await session.Aws.JsonAsync("stepfunctions", "list-state-machines"))["stateMachines"]!.AsArray();
        var described = await session.Aws.JsonAsync("stepfunctions", "describe-state-machine", "--state-machine-arn", session.ProvisionArn);

        Assert.Equal(
            session.Template.StateMachines.Values.Select(m => m.Arn).Order(StringComparer.Ordinal),
            listed.Select(m => Text(m!["stateMachineArn"])).Order(StringComparer.Ordinal));
        Assert.Equal("arn:aws:states:us-west-2:123456789012:stateMachine:outpost-serverless-provision", Text(described["stateMachineArn"]));
        Assert.Equal(
            JsonNode.Parse(session.Template.DefinitionOf(LocalWorkflow.ProvisionStateMachine))!.ToJsonString(),
            JsonNode.Parse(Text(described["definition"]))!.ToJsonString());
        Assert.Equal(("ACTIVE", "STANDARD"), (Text(described["status"]), Text(described["type"])));
        Assert.Empty(session.ModelViolations());
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task A_provisioning_started_with_an_example_request_reaches_SUCCEEDED_through_describe_execution(AwsCliVersion version)
    {
        await using var session = await ServicesSession.StartAsync(version);
        var request = File.ReadAllText(RepositoryFiles.Example("web-service.json"));

        var started = await session.Aws.JsonAsync("stepfunctions", "start-execution", "--state-machine-arn", session.ProvisionArn, "--name", "web-1", "--input", request);
        var described = await StoppedAsync(session, Text(started["executionArn"]));

        Assert.Equal(session.ProvisionArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":web-1", Text(started["executionArn"]));
        Assert.True(Text(described["status"]) == "SUCCEEDED", described.ToJsonString());
        Assert.Equal(JsonNode.Parse(request)!["provisioningId"]!.GetValue<string>(), JsonNode.Parse(Text(described["output"]))!["provisioningId"]!.GetValue<string>());
        Assert.True(Time(described["stopDate"]) > Time(described["startDate"]), "A provisioning takes virtual time: instances boot, the agent registers.");
        var again = await session.Aws.RunAsync("stepfunctions", "start-execution", "--state-machine-arn", session.ProvisionArn, "--name", "web-1", "--input", request);
        Assert.Contains("(ExecutionAlreadyExists)", again.Error, StringComparison.Ordinal);
        Assert.Empty(session.ModelViolations());
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task The_history_comes_in_pages_in_either_order_and_ends_with_the_executions_outcome(AwsCliVersion version)
    {
        await using var session = await ServicesSession.StartAsync(version);
        var started = await session.Aws.JsonAsync("stepfunctions", "start-execution", "--state-machine-arn", session.ProvisionArn, "--input", File.ReadAllText(RepositoryFiles.Example("batch-task.json")));
        var arn = Text(started["executionArn"]);
        await StoppedAsync(session, arn);
        var expected = session.StepFunctions.History(arn);

        // The CLI follows nextToken page by page (7 events each) until the service returns none.
        var all = (await session.Aws.JsonAsync("stepfunctions", "get-execution-history", "--execution-arn", arn, "--page-size", "7"))["events"]!.AsArray();
        var firstPage = await session.Aws.JsonAsync("stepfunctions", "get-execution-history", "--execution-arn", arn, "--no-paginate", "--max-results", "5");
        var reversed = (await session.Aws.JsonAsync("stepfunctions", "get-execution-history", "--execution-arn", arn, "--reverse-order", "--no-paginate", "--max-results", "3"))["events"]!.AsArray();

        Assert.Equal(expected.Select(e => e.Id), all.Select(e => e!["id"]!.GetValue<long>()));
        var historyRequests = session.Requests.Where(r => r.Header("X-Amz-Target") == "AWSStepFunctions.GetExecutionHistory").Select(r => r.BodyText).ToList();
        Assert.Equal((expected.Count + 6) / 7 - 1, historyRequests.Count(r => r.Contains("nextToken", StringComparison.Ordinal)));
        Assert.Equal([1L, 2, 3, 4, 5], firstPage["events"]!.AsArray().Select(e => e!["id"]!.GetValue<long>()));
        Assert.NotNull(firstPage["nextToken"]);
        Assert.Equal(("ExecutionSucceeded", (long)expected.Count), (Text(reversed[0]!["type"]), reversed[0]!["id"]!.GetValue<long>()));
        Assert.Equal("ExecutionStarted", Text(all[0]!["type"]));
        Assert.Empty(session.ModelViolations());
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task Unknown_and_malformed_arns_get_Step_Functions_own_error_codes(AwsCliVersion version)
    {
        await using var session = await ServicesSession.StartAsync(version);
        var missingExecution = session.ProvisionArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":never-started";

        var noExecution = await session.Aws.RunAsync("stepfunctions", "describe-execution", "--execution-arn", missingExecution);
        var noMachine = await session.Aws.RunAsync("stepfunctions", "start-execution", "--state-machine-arn", session.ProvisionArn + "-other");
        var notAnArn = await session.Aws.RunAsync("stepfunctions", "describe-execution", "--execution-arn", "not-an-arn");
        var machineForExecution = await session.Aws.RunAsync("stepfunctions", "describe-execution", "--execution-arn", session.ProvisionArn);

        Assert.Contains("(ExecutionDoesNotExist) when calling the DescribeExecution operation", noExecution.Error, StringComparison.Ordinal);
        Assert.Contains($"Execution Does Not Exist: '{missingExecution}'", noExecution.Error, StringComparison.Ordinal);
        Assert.Contains("(StateMachineDoesNotExist)", noMachine.Error, StringComparison.Ordinal);
        Assert.Contains("(InvalidArn)", notAnArn.Error, StringComparison.Ordinal);
        Assert.Contains("Invalid Arn: 'Invalid ARN prefix: not-an-arn'", notAnArn.Error, StringComparison.Ordinal);
        Assert.Contains("Resource type not valid in this context: stateMachine", machineForExecution.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task A_created_state_machine_runs_lists_its_executions_by_status_and_is_gone_once_deleted(AwsCliVersion version)
    {
        await using var session = await ServicesSession.StartAsync(version);
        const string Definition = """{"StartAt":"Route","States":{"Route":{"Type":"Choice","Choices":[{"Variable":"$.ok","BooleanEquals":true,"Next":"Done"}],"Default":"Refuse"},"Done":{"Type":"Succeed"},"Refuse":{"Type":"Fail","Error":"Refused","Cause":"not ok"}}}""";

        var created = await session.Aws.JsonAsync("stepfunctions", "create-state-machine", "--name", "router", "--definition", Definition, "--role-arn", "arn:aws:iam::123456789012:role/router");
        var machineArn = Text(created["stateMachineArn"]);
        foreach (var (name, ok) in new[] { ("a", "true"), ("b", "false"), ("c", "true") })
        {
            var started = await session.Aws.JsonAsync("stepfunctions", "start-execution", "--state-machine-arn", machineArn, "--name", name, "--input", $$"""{"ok":{{ok}}}""");
            await StoppedAsync(session, Text(started["executionArn"]));
        }

        var succeeded = (await session.Aws.JsonAsync("stepfunctions", "list-executions", "--state-machine-arn", machineArn, "--status-filter", "SUCCEEDED"))["executions"]!.AsArray();
        var failed = await session.Aws.JsonAsync("stepfunctions", "describe-execution", "--execution-arn", machineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":b");
        var paged = await session.Aws.JsonAsync("stepfunctions", "list-executions", "--state-machine-arn", machineArn, "--no-paginate", "--max-results", "2");
        var invalid = await session.Aws.RunAsync("stepfunctions", "create-state-machine", "--name", "broken", "--definition", """{"StartAt":"Nowhere","States":{}}""", "--role-arn", "arn:aws:iam::123456789012:role/router");
        await session.Aws.RunAsync("stepfunctions", "delete-state-machine", "--state-machine-arn", machineArn);
        var deleted = await session.Aws.RunAsync("stepfunctions", "describe-state-machine", "--state-machine-arn", machineArn);

        Assert.Equal(["a", "c"], succeeded.Select(e => Text(e!["name"])).Order(StringComparer.Ordinal));
        Assert.Equal(("FAILED", "Refused", "not ok"), (Text(failed["status"]), Text(failed["error"]), Text(failed["cause"])));
        Assert.Equal(2, paged["executions"]!.AsArray().Count);
        Assert.NotNull(paged["nextToken"]);
        Assert.Contains("(InvalidDefinition)", invalid.Error, StringComparison.Ordinal);
        Assert.Contains("(StateMachineDoesNotExist)", deleted.Error, StringComparison.Ordinal);
        Assert.Empty(session.ModelViolations());
    }

    /// <summary>Polls describe-execution, as a user would, until the execution is no longer RUNNING.</summary>
    private static async Task<JsonNode> StoppedAsync(ServicesSession session, string executionArn)
    {
        for (var attempt = 0; ; attempt++)
        {
            var described = await session.Aws.JsonAsync("stepfunctions", "describe-execution", "--execution-arn", executionArn);
            if (Text(described["status"]) != ExecutionDescription.Running || attempt == 60)
            {
                return described;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }
    }
}
