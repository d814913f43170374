using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Emulator.Tests.Wire;
using static OutpostServerless.Emulator.Tests.Wire.CliJson;
using OutpostServerless.Local.EventBridge;

namespace OutpostServerless.Cli.Tests.Services;

/// <summary>
/// EventBridge PutEvents on <c>emulator serve</c>'s endpoint, driven by the AWS CLI v1 and v2: an event the
/// template's rules match reaches the rule's target (a function invoked, a state machine started); every request validates against botocore's <c>events</c> model.
/// </summary>
public sealed class AwsCliEventBridgeTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("outpost-serverless-events-").FullName;

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task The_capacity_alarm_event_reaches_what_its_rules_target_a_function_invoked_or_an_execution_started(AwsCliVersion version)
    {
        await using var session = await ServicesSession.StartAsync(version);
        var alarm = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "statemachine", "events", "capacity-alarm.json")))!.AsObject();
        // Whatever rule the template has for it today: the test asks the template's own bus which rules match.
        var matches = new LocalEventBus(session.Template).Match(alarm, DateTimeOffset.UtcNow);
        var targeted = matches.Where(m => m.Rule.TargetKind == SamRuleTargetKind.StateMachine)
            .Select(m => session.Template.StateMachines[m.Rule.TargetLogicalId].Arn).ToList();
        var functions = matches.Where(m => m.Rule.TargetKind == SamRuleTargetKind.Function).Select(m => m.Rule.TargetLogicalId).ToList();
        var entries = Write("entries.json", new JsonArray(
            Entry(alarm),
            new JsonObject { ["Source"] = "test.source", ["DetailType"] = "Broken", ["Detail"] = "{not json" }));

        var put = await session.Aws.JsonAsync("events", "put-events", "--entries", "file://" + entries);

        Assert.NotEmpty(matches);
        // A function target ran on the served world: its AWS calls are there, attributed to it.
        Assert.All(functions, function => Assert.Contains(session.StepFunctions.Cloud.Calls.All, call => call.Caller == function));
        Assert.Equal(1, put["FailedEntryCount"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(Text(put["Entries"]![0]!["EventId"])));
        Assert.Equal("MalformedDetail", Text(put["Entries"]![1]!["ErrorCode"]));
        foreach (var machineArn in targeted)
        {
            var executions = (await session.Aws.JsonAsync("stepfunctions", "list-executions", "--state-machine-arn", machineArn))["executions"]!.AsArray();
            var execution = Assert.Single(executions)!;
            var described = await session.Aws.JsonAsync("stepfunctions", "describe-execution", "--execution-arn", Text(execution["executionArn"]));
            // The rule's input transformer made the execution's input from the alarm: an object, not the raw event.
            var input = Assert.IsType<JsonObject>(JsonNode.Parse(Text(described["input"])));
            Assert.Null(input["detail-type"]);
        }

        Assert.Empty(session.ModelViolations());
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>The event as a PutEvents entry, as <c>aws events put-events --entries</c> takes it.</summary>
    private static JsonObject Entry(JsonObject @event) => new()
    {
        ["Source"] = @event["source"]!.DeepClone(),
        ["DetailType"] = @event["detail-type"]!.DeepClone(),
        ["Resources"] = @event["resources"]!.DeepClone(),
        ["Detail"] = @event["detail"]!.ToJsonString(),
    };

    private string Write(string name, JsonNode content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content.ToJsonString());
        return path;
    }
}
