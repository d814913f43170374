using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Cli.Tests.Status;

/// <summary><c>status &lt;provisioningId&gt;</c>: what exists now, found in the world, and the executions with their outcomes.</summary>
public sealed class StatusTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("status-").FullName;

    private string StateFile => Path.Combine(directory, "world.json");

    [Fact]
    public async Task Status_lists_every_resource_tagged_with_the_provisioning_that_exists_in_the_world()
    {
        await RunAsync("web-service.json");

        var status = await StatusAsync("storefront-web");

        var tagged = await TaggedIdsAsync("storefront-web");
        Assert.Equal("applied", status["state"]!.GetValue<string>());
        Assert.Equal(
            ["ec2:instance", "ec2:security-group", "ec2:subnet", "ec2:vpc", "ecs:cluster", "ecs:service", "ecs:task-definition", "iam:instance-profile", "iam:role"],
            Resources(status).Select(r => r.Type).Distinct().Order());
        Assert.All(Resources(status).Where(r => r.Type.StartsWith("ec2:", StringComparison.Ordinal)), r => Assert.Contains(r.Id, tagged));
    }

    [Fact]
    public async Task Status_reads_the_world_as_it_is_now_not_what_an_execution_reported()
    {
        await RunAsync("web-service.json");
        var instance = Resources(await StatusAsync("storefront-web")).First(r => r.Type == "ec2:instance").Id;
        await TerminateOutOfBandAsync(instance);

        var status = await StatusAsync("storefront-web");

        Assert.DoesNotContain(Resources(status), r => r.Id == instance && r.State == "running");
        var drift = Assert.Single(status["drift"]!.AsArray());
        Assert.Equal("container-instances", drift!["resource"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_right_after_a_run_shows_no_drift_from_the_request_it_applied()
    {
        await RunAsync("web-service.json");

        var status = await StatusAsync("storefront-web");

        Assert.Empty(status["drift"]!.AsArray());
    }

    [Fact]
    public async Task Status_lists_the_executions_newest_first_with_their_outcomes()
    {
        await RunAsync("batch-task.json");
        await CliRun.WithTemplateAsync("run", RepositoryFiles.Example("batch-task.json"), "--state-file", StateFile, "--json", "--name", "second", "--fault", "ecs:DescribeTaskDefinition=AccessDeniedException");

        var status = await StatusAsync("nightly-reconcile");

        var executions = status["executions"]!.AsArray();
        Assert.Equal(["Failed", "Succeeded"], executions.Select(e => e!["outcome"]!.GetValue<string>()));
        Assert.Equal("AccessDeniedException", executions[0]!["error"]!.GetValue<string>());
        Assert.Equal("failed", status["state"]!.GetValue<string>());
        Assert.Equal("batch-task", status["lastAppliedExecution"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_after_a_teardown_says_torn_down_and_lists_nothing()
    {
        await RunAsync("web-service.json");
        await CliRun.WithTemplateAsync("teardown", "storefront-web", "--state-file", StateFile, "--json");

        var status = await StatusAsync("storefront-web");

        Assert.Equal("torn-down", status["state"]!.GetValue<string>());
        Assert.Empty(Resources(status));
    }

    [Fact]
    public async Task Status_of_an_unknown_provisioning_exits_2_naming_the_id_and_leaves_the_file_as_it_was()
    {
        await RunAsync("web-service.json");
        var before = await File.ReadAllBytesAsync(StateFile);

        var (exitCode, output, error) = await CliRun.RunAsync("status", "no-such-provisioning", "--state-file", StateFile, "--json");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("provisioningId: no provisioning 'no-such-provisioning'", error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(StateFile));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static IEnumerable<(string Type, string Id, string State)> Resources(JsonNode status) =>
        status["resources"]!.AsArray().Select(r => (r!["type"]!.GetValue<string>(), r["id"]!.GetValue<string>(), r["state"]!.GetValue<string>()));

    private async Task RunAsync(string example)
    {
        var (exitCode, _, error) = await CliRun.WithTemplateAsync("run", RepositoryFiles.Example(example), "--state-file", StateFile, "--json");
        Assert.True(exitCode == 0, error);
    }

    private async Task<JsonNode> StatusAsync(string provisioningId)
    {
        var (exitCode, output, error) = await CliRun.RunAsync("status", provisioningId, "--state-file", StateFile, "--json");
        Assert.True(exitCode == 0, error);
        return JsonNode.Parse(output)!;
    }

    private async Task<IReadOnlyList<string>> TaggedIdsAsync(string provisioningId)
    {
        await using var file = await OutpostServerless.Local.StateFiles.StateFile.OpenAsync(StateFile, "test", CancellationToken.None);
        return [.. file.LoadOnVirtualClock().Cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, provisioningId).Select(r => r.Id)];
    }

    private async Task TerminateOutOfBandAsync(string instanceId)
    {
        await using var file = await OutpostServerless.Local.StateFiles.StateFile.OpenAsync(StateFile, "test", CancellationToken.None);
        var (cloud, _) = file.LoadOnVirtualClock();
        await cloud.Ports.Ec2.TerminateInstancesAsync(new Amazon.EC2.Model.TerminateInstancesRequest { InstanceIds = [instanceId] }, CancellationToken.None);
        await file.SaveAsync(cloud, CancellationToken.None);
    }
}
