using System.Text.Json.Nodes;
using OutpostServerless.Cli.Tests.Local;
using OutpostServerless.Emulator;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Cli.Tests.Teardown;

/// <summary><c>teardown &lt;provisioningId&gt;</c> end to end: the template's teardown state machine and functions on a state file's world.</summary>
public sealed class TeardownTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("teardown-").FullName;

    private string StateFile => Path.Combine(directory, "world.json");

    [Theory]
    [InlineData("web-service.json", "storefront-web")]
    [InlineData("batch-task.json", "nightly-reconcile")]
    public async Task After_a_teardown_nothing_tagged_with_the_provisioning_id_remains(string example, string provisioningId)
    {
        Assert.Equal(0, (await Run(example)).ExitCode);
        Assert.NotEmpty(await TaggedAsync(provisioningId));

        var (exitCode, report) = await TeardownAsync(provisioningId);

        Assert.Equal((0, "SUCCEEDED"), (exitCode, report["status"]!.GetValue<string>()));
        Assert.True(report["mutatingCalls"]!.GetValue<int>() > 0);
        Assert.Empty(await TaggedAsync(provisioningId));
    }

    [Fact]
    public async Task A_second_teardown_makes_no_mutating_call()
    {
        await Run("web-service.json");
        await TeardownAsync("storefront-web");

        var (exitCode, again) = await TeardownAsync("storefront-web");

        Assert.Equal((0, "SUCCEEDED", 0), (exitCode, again["status"]!.GetValue<string>(), again["mutatingCalls"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_teardown_deletes_in_dependency_order_and_waits_out_terminating_instances_by_retrying_a_named_error()
    {
        await Run("web-service.json");

        var (_, report) = await TeardownAsync("storefront-web");

        var deleted = report["output"]!["deleted"]!.AsObject();
        Assert.Equal(["workload", "instances", "cluster", "instanceRole", "network"], deleted.Select(d => d.Key));
        Assert.Equal(["ec2:security-group", "ec2:subnet", "ec2:route-table", "ec2:internet-gateway", "ec2:vpc"], deleted["network"]!.AsArray().Select(d => d!["type"]!.GetValue<string>()));
        Assert.Equal(["ecs:service", "ecs:task-definition"], deleted["workload"]!.AsArray().Select(d => d!["type"]!.GetValue<string>()));
        // The instances took virtual seconds to terminate: the network waited for them through Retry, not a sleep.
        Assert.True(report["virtualSeconds"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task A_vpc_passed_by_id_remains_after_the_teardown()
    {
        var vpcId = await MakeVpcAsync("10.42.0.0/16");
        var request = LocalRun.Example("batch-task.json");
        request["network"] = new JsonObject { ["vpcId"] = vpcId, ["subnetCidr"] = "10.42.1.0/24" };
        await RunRequest(request);

        var (exitCode, _) = await TeardownAsync("nightly-reconcile");

        Assert.Equal(0, exitCode);
        Assert.Empty(await TaggedAsync("nightly-reconcile"));
        var (cloud, _) = await LoadAsync();
        var vpcs = await cloud.Ports.Ec2.DescribeVpcsAsync(new Amazon.EC2.Model.DescribeVpcsRequest { VpcIds = [vpcId] }, CancellationToken.None);
        Assert.Equal(vpcId, Assert.Single(vpcs.Vpcs).VpcId);
    }

    [Fact]
    public async Task A_teardown_leaves_another_provisioning_on_the_same_outpost_untouched()
    {
        await Run("web-service.json");
        await Run("batch-task.json");
        var before = await TaggedAsync("storefront-web");

        await TeardownAsync("nightly-reconcile");

        Assert.Equal(before.Select(r => (r.Type, r.Id)), (await TaggedAsync("storefront-web")).Select(r => (r.Type, r.Id)));
        var (exitCode, output, _) = await CliRun.WithTemplateAsync("run", RepositoryFiles.Example("web-service.json"), "--state-file", StateFile, "--json");
        Assert.Equal((0, 0), (exitCode, JsonNode.Parse(output)!["mutatingCalls"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_teardown_of_an_unknown_provisioning_is_refused_as_bad_input_naming_the_id()
    {
        await Run("web-service.json");

        var (exitCode, output, error) = await CliRun.WithTemplateAsync("teardown", "no-such-provisioning", "--state-file", StateFile, "--json");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("provisioningId: no-such-provisioning is not a provisioning of this stack", error, StringComparison.Ordinal);
        Assert.NotEmpty(await TaggedAsync("storefront-web"));
    }

    [Fact]
    public async Task A_teardown_is_recorded_as_the_provisionings_last_execution_in_the_file_and_in_its_record()
    {
        await Run("web-service.json");
        await TeardownAsync("storefront-web");

        await using (var file = await OutpostServerless.Local.StateFiles.StateFile.OpenAsync(StateFile, "test", CancellationToken.None))
        {
            Assert.Equal(("storefront-web", "TeardownStateMachine", "SUCCEEDED"), (file.Executions[^1].ProvisioningId, file.Executions[^1].StateMachine, file.Executions[^1].Status));
        }

        var (exitCode, output, error) = await CliRun.RunAsync("status", "storefront-web", "--state-file", StateFile, "--json");
        Assert.True(exitCode == 0, error);
        var status = JsonNode.Parse(output)!;
        Assert.Equal("torn-down", status["state"]!.GetValue<string>());
        Assert.Equal(("Teardown", "Succeeded"), (status["executions"]![0]!["action"]!.GetValue<string>(), status["executions"]![0]!["outcome"]!.GetValue<string>()));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private Task<(int ExitCode, string Output, string Error)> Run(string example) =>
        CliRun.WithTemplateAsync("run", RepositoryFiles.Example(example), "--state-file", StateFile, "--json");

    private async Task RunRequest(JsonObject request)
    {
        var path = Path.Combine(directory, "request.json");
        await File.WriteAllTextAsync(path, request.ToJsonString());
        var (exitCode, _, error) = await CliRun.WithTemplateAsync("run", path, "--state-file", StateFile, "--json");
        Assert.True(exitCode == 0, error);
    }

    private async Task<(int ExitCode, JsonObject Report)> TeardownAsync(string provisioningId)
    {
        var (exitCode, output, error) = await CliRun.WithTemplateAsync("teardown", provisioningId, "--state-file", StateFile, "--json");
        Assert.True(output.Length > 0, error);
        return (exitCode, JsonNode.Parse(output)!.AsObject());
    }

    private async Task<(EmulatedCloud Cloud, OutpostServerless.StateMachine.VirtualClock Clock)> LoadAsync()
    {
        await using var file = await OutpostServerless.Local.StateFiles.StateFile.OpenAsync(StateFile, "test", CancellationToken.None);
        return file.LoadOnVirtualClock();
    }

    private async Task<IReadOnlyList<EmulatedResource>> TaggedAsync(string provisioningId)
    {
        var (cloud, _) = await LoadAsync();
        return cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, provisioningId);
    }

    /// <summary>A VPC someone else made: in the world before the provisioning, untagged.</summary>
    private async Task<string> MakeVpcAsync(string cidr)
    {
        await using var file = await OutpostServerless.Local.StateFiles.StateFile.OpenAsync(StateFile, "test", CancellationToken.None);
        var (cloud, _) = file.LoadOnVirtualClock();
        var vpc = await cloud.Ports.Ec2.CreateVpcAsync(new Amazon.EC2.Model.CreateVpcRequest { CidrBlock = cidr }, CancellationToken.None);
        // The account's own way out, which an existing VPC must have (network.egress existing only checks it).
        cloud.Network.InternetGatewayRoute(vpc.Vpc.VpcId);
        await file.SaveAsync(cloud, CancellationToken.None);
        return vpc.Vpc.VpcId;
    }
}
