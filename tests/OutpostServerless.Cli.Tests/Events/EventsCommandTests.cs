using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Tests.Events;

/// <summary><c>events put</c> with the sample events of statemachine/events/ against template.yaml.</summary>
public sealed class EventsCommandTests
{
    [Fact]
    public async Task A_capacity_alarm_going_to_ALARM_invokes_the_capacity_wake_up_and_starts_nothing()
    {
        var (exitCode, output) = await PutAsync("capacity-alarm.json", "--json");

        var report = JsonNode.Parse(output)!;
        var invocation = Assert.Single(report["invocations"]!.AsArray())!;
        Assert.Equal(0, exitCode);
        Assert.Empty(report["executions"]!.AsArray());
        Assert.Equal(("outpost-serverless-capacity-available", "WakeCapacityWaitersFunction"), (invocation["rule"]!.GetValue<string>(), invocation["function"]!.GetValue<string>()));
        Assert.Null(invocation["error"]);
        Assert.Empty(invocation["output"]!["woken"]!.AsArray()); // nobody waits in a new world
    }

    [Fact]
    public async Task With_a_configured_request_a_capacity_alarm_also_starts_that_provisioning()
    {
        var request = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFiles.Example("batch-task.json")))!.ToJsonString();

        var (exitCode, output) = await RunAsync("events", "put", Sample("capacity-alarm.json"), "--json", "--template", RepositoryFiles.Template,
            "--parameter-overrides", $"CapacityProvisioningRequest={request}");

        var report = JsonNode.Parse(output)!;
        var execution = Assert.Single(report["executions"]!.AsArray())!;
        Assert.Equal(0, exitCode);
        Assert.Equal("outpost-serverless-capacity-provisioning", execution["rule"]!.GetValue<string>());
        Assert.Equal("SUCCEEDED", execution["status"]!.GetValue<string>());
        Assert.Equal("nightly-reconcile", execution["input"]!["provisioningId"]!.GetValue<string>());
        Assert.StartsWith("arn:aws:states:us-west-2:123456789012:execution:outpost-serverless-provision:", execution["executionArn"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("capacity-ok.json")]
    [InlineData("ec2-instance-state-change.json")]
    public async Task Other_events_start_nothing(string sample)
    {
        var (exitCode, output) = await PutAsync(sample, "--json");

        var report = JsonNode.Parse(output)!;
        Assert.Equal(0, exitCode);
        Assert.Empty(report["executions"]!.AsArray());
        Assert.Empty(report["events"]![0]!["matchedRules"]!.AsArray());
    }

    [Fact]
    public async Task Without_json_it_says_that_no_execution_started()
    {
        var (_, output) = await PutAsync("capacity-ok.json");

        Assert.Contains("matched no rule", output, StringComparison.Ordinal);
        Assert.Contains("No execution started.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alarm_of_another_Outpost_instance_type_starts_nothing()
    {
        var alarm = JsonNode.Parse(await File.ReadAllTextAsync(Sample("capacity-alarm.json")))!;
        alarm["resources"] = new JsonArray("arn:aws:cloudwatch:us-west-2:123456789012:alarm:outpost-serverless-capacity-m5.large");
        var file = Path.Combine(Path.GetTempPath(), $"event-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, alarm.ToJsonString());
        try
        {
            var (_, output) = await RunAsync("events", "put", file, "--json", "--template", RepositoryFiles.Template);

            Assert.Empty(JsonNode.Parse(output)!["executions"]!.AsArray());
            Assert.Empty(JsonNode.Parse(output)!["invocations"]!.AsArray());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_parameter_override_moves_the_rule_to_another_alarm()
    {
        var (_, output) = await RunAsync("events", "put", Sample("capacity-alarm.json"), "--json", "--template", RepositoryFiles.Template,
            "--parameter-overrides", "CapacityAlarmInstanceType=m5.large");

        Assert.Empty(JsonNode.Parse(output)!["executions"]!.AsArray());
    }

    [Fact]
    public async Task An_event_file_that_is_not_JSON_is_bad_input()
    {
        var file = Path.Combine(Path.GetTempPath(), $"event-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "not json");
        try
        {
            var (exitCode, _) = await RunAsync("events", "put", file, "--template", RepositoryFiles.Template);

            Assert.Equal(2, exitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Task<(int, string)> PutAsync(string sample, params string[] options) =>
        RunAsync(["events", "put", Sample(sample), "--template", RepositoryFiles.Template, .. options]);

    private static string Sample(string name) => Path.Combine(RepositoryFiles.Root, "statemachine", "events", name);

    private static async Task<(int, string)> RunAsync(params string[] args)
    {
        var (exitCode, output, error) = await CliRun.RunAsync(args);
        return (exitCode, output + error);
    }
}
