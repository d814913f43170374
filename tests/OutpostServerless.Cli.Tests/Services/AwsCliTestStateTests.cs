using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Tests.Wire;
using OutpostServerless.Local.Workflow;
using static OutpostServerless.Emulator.Tests.Wire.CliJson;

namespace OutpostServerless.Cli.Tests.Services;

/// <summary>
/// <c>aws stepfunctions test-state</c> against <c>emulator serve</c>: one state, run once, answered as AWS answers
/// (TestState API reference; AWS's answers as recorded in LocalStack's TestState snapshot tests). Its JSON members
/// (output, inspectionData.*) are JSON text, as on AWS. Every request validates against botocore's model.
/// </summary>
public sealed class AwsCliTestStateTests
{
    private const string Role = "arn:aws:iam::123456789012:role/tester";

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task A_Pass_state_at_DEBUG_shows_each_stage_of_its_data_flow(AwsCliVersion version)
    {
        await using var session = await StartAsync(version);
        const string Definition = """{"Type":"Pass","InputPath":"$.initialData","Parameters":{"staticValue":"some value","inputValue.$":"$.fieldFromInput"},"ResultPath":"$.modifiedData","End":true}""";
        const string Input = """{"initialData":{"fieldFromInput":"value from input","otherField":"other"},"unrelatedData":{"someOtherField":1234}}""";

        var tested = await session.Aws.JsonAsync("stepfunctions", "test-state", "--definition", Definition, "--input", Input, "--inspection-level", "DEBUG");

        var data = tested["inspectionData"]!;
        Assert.Equal("SUCCEEDED", Text(tested["status"]));
        Assert.Null(tested["nextState"]);
        Assert.Equal(Input, Text(data["input"]));
        Assert.Equal("""{"fieldFromInput":"value from input","otherField":"other"}""", Text(data["afterInputPath"]));
        Assert.Equal("""{"staticValue":"some value","inputValue":"value from input"}""", Text(data["afterParameters"]));
        Assert.Equal(Text(data["afterParameters"]), Text(data["afterResultSelector"]));
        Assert.Equal(Text(tested["output"]), Text(data["afterResultPath"]));
        Assert.Equal("value from input", JsonNode.Parse(Text(tested["output"]))!["modifiedData"]!["inputValue"]!.GetValue<string>());
        Assert.Empty(session.ModelViolations());
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task A_Choice_state_at_INFO_answers_the_branch_it_chose_as_nextState_and_no_inspection_data(AwsCliVersion version)
    {
        await using var session = await StartAsync(version);
        const string Definition = """
            {"Type":"Choice","Choices":[{"Not":{"Variable":"$.type","StringEquals":"Private"},"Next":"Public"},
              {"And":[{"Variable":"$.value","NumericGreaterThanEquals":20},{"Variable":"$.value","NumericLessThan":30}],"Next":"ValueInTwenties"}],
             "Default":"DefaultState"}
            """;

        var tested = await session.Aws.JsonAsync("stepfunctions", "test-state", "--definition", Definition, "--input", """{"type":"Private","value":22}""");

        Assert.Equal(("SUCCEEDED", "ValueInTwenties"), (Text(tested["status"]), Text(tested["nextState"])));
        Assert.Equal("""{"type":"Private","value":22}""", Text(tested["output"]));
        Assert.Null(tested["inspectionData"]);
        Assert.Empty(session.ModelViolations());
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task The_provisionings_ValidateRequest_Task_calls_the_real_function_and_moves_on_with_the_plan(AwsCliVersion version)
    {
        await using var session = await StartAsync(version);
        var request = File.ReadAllText(RepositoryFiles.Example("web-service.json"));
        var definition = session.Template.DefinitionOf(LocalWorkflow.ProvisionStateMachine);

        var tested = await session.Aws.JsonAsync(
            "stepfunctions", "test-state", "--definition", definition, "--state-name", "ValidateRequest", "--input", request, "--role-arn", Role, "--inspection-level", "TRACE");
        var invalid = await session.Aws.JsonAsync(
            "stepfunctions", "test-state", "--definition", definition, "--state-name", "ValidateRequest", "--input", """{"provisioningId":"Not Valid!"}""", "--role-arn", Role);

        var data = tested["inspectionData"]!;
        var provisioningId = JsonNode.Parse(request)!["provisioningId"]!.GetValue<string>();
        Assert.Equal(("SUCCEEDED", "BeginChange"), (Text(tested["status"]), Text(tested["nextState"])));
        Assert.Equal(provisioningId, JsonNode.Parse(Text(tested["output"]))!["plan"]!["provisioningId"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(request), JsonNode.Parse(Text(data["afterParameters"]))!["request"]), Text(data["afterParameters"]));
        Assert.Equal(provisioningId, JsonNode.Parse(Text(data["result"]))!["provisioningId"]!.GetValue<string>());
        Assert.Equal("{\"plan\":" + Text(data["result"]) + "}", Text(data["afterResultSelector"]));
        Assert.Null(data["request"]);
        Assert.Equal(("FAILED", "Provisioning.InvalidRequest"), (Text(invalid["status"]), Text(invalid["error"])));
        Assert.Null(invalid["output"]);
        Assert.Empty(session.ModelViolations());
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task A_mocked_throttle_on_a_Task_with_a_Retrier_is_RETRIABLE_with_the_jittered_backoff(AwsCliVersion version)
    {
        await using var session = await StartAsync(version);
        var definition = session.Template.DefinitionOf(LocalWorkflow.ProvisionStateMachine);

        var tested = await session.Aws.JsonAsync(
            "stepfunctions", "test-state", "--definition", definition, "--state-name", "ValidateRequest", "--inspection-level", "DEBUG",
            "--mock", """{"errorOutput":{"error":"Lambda.TooManyRequestsException","cause":"Rate exceeded"}}""");

        // The Retrier: IntervalSeconds 2, JitterStrategy FULL, so the first retry waits between 0 and 2 s.
        var details = tested["inspectionData"]!["errorDetails"]!;
        Assert.Equal(("RETRIABLE", "Lambda.TooManyRequestsException", "Rate exceeded"), (Text(tested["status"]), Text(tested["error"]), Text(tested["cause"])));
        Assert.Equal(0, details["retryIndex"]!.GetValue<int>());
        Assert.InRange(details["retryBackoffIntervalSeconds"]!.GetValue<int>(), 0, 2);
        Assert.Null(tested["nextState"]);
        Assert.Empty(session.ModelViolations());
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task Bad_requests_get_Step_Functions_own_error_codes(AwsCliVersion version)
    {
        await using var session = await StartAsync(version);
        const string Pass = """{"Type":"Pass","End":true}""";

        var level = await session.Aws.RunAsync("stepfunctions", "test-state", "--definition", Pass, "--inspection-level", "VERBOSE");
        var definition = await session.Aws.RunAsync("stepfunctions", "test-state", "--definition", """{"Type":"Teleport","End":true}""");
        var map = await session.Aws.RunAsync("stepfunctions", "test-state", "--definition", """{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}""");
        var input = await session.Aws.RunAsync("stepfunctions", "test-state", "--definition", Pass, "--input", "{not json");
        var role = await session.Aws.RunAsync("stepfunctions", "test-state", "--definition", """{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}""");
        var mockedPass = await session.Aws.RunAsync("stepfunctions", "test-state", "--definition", Pass, "--mock", """{"result":"{}"}""");

        Assert.Contains("(ValidationException)", level.Error, StringComparison.Ordinal);
        Assert.Contains("Value 'VERBOSE' at 'inspectionLevel' failed to satisfy constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]", level.Error, StringComparison.Ordinal);
        Assert.Contains("(InvalidDefinition)", definition.Error, StringComparison.Ordinal);
        Assert.Contains("Invalid State Machine Definition: ", definition.Error, StringComparison.Ordinal);
        Assert.Contains("(InvalidDefinition)", map.Error, StringComparison.Ordinal);
        Assert.Contains("TestState API does not support Map or Parallel states.", map.Error, StringComparison.Ordinal);
        Assert.Contains("(InvalidExecutionInput)", input.Error, StringComparison.Ordinal);
        Assert.Contains("(ValidationException)", role.Error, StringComparison.Ordinal);
        Assert.Contains("RoleArn must be specified when testing a Task state", role.Error, StringComparison.Ordinal);
        Assert.Contains("State type 'Pass' is not supported when a mock is specified", mockedPass.Error, StringComparison.Ordinal);

        // The CLI sends what it is given: only the unknown inspection level breaks the model, as the service said.
        Assert.Equal(["TestState.inspectionLevel:"], session.ModelViolations().Select(v => v[..v.IndexOf(' ', StringComparison.Ordinal)]).Distinct());
    }

    /// <summary>A session whose CLI knows TestState: Debian's aws-cli 2.9.19 predates it (added to the CLI in November 2023), so that v2 is skipped.</summary>
    private static async Task<ServicesSession> StartAsync(AwsCliVersion version)
    {
        var session = await ServicesSession.StartAsync(version);
        var probe = await session.Aws.RunAsync("stepfunctions", "test-state");
        if (probe.Error.Contains("Invalid choice", StringComparison.Ordinal))
        {
            await session.DisposeAsync();
            Assert.Skip($"This AWS CLI {version} predates TestState (stepfunctions test-state is not one of its commands).");
        }

        return session;
    }
}
