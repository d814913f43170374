using System.Text.Json.Nodes;
using OutpostServerless.Cli.Tests.Local;

namespace OutpostServerless.Cli.Tests.Plan;

/// <summary><c>plan &lt;request.json&gt;</c>: per resource what run would do, refusals, and no mutating call; then run does what it said.</summary>
public sealed class PlanTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("plan-").FullName;

    private string StateFile => Path.Combine(directory, "world.json");

    [Fact]
    public async Task Plan_of_a_new_provisioning_creates_every_resource_and_makes_no_mutating_call()
    {
        var (exitCode, plan) = await PlanAsync(RepositoryFiles.Example("web-service.json"));

        Assert.Equal(0, exitCode);
        Assert.All(plan["changes"]!.AsArray(), c => Assert.Equal("create", c!["action"]!.GetValue<string>()));
        Assert.Equal(0, plan["mutatingCalls"]!.GetValue<int>());
        Assert.Empty(plan["refused"]!.AsArray());
    }

    [Theory]
    [InlineData("web-service.json")]
    [InlineData("batch-task.json")]
    public async Task Plan_then_run_of_a_new_provisioning_changes_exactly_the_resources_the_plan_named(string example)
    {
        var (_, plan) = await PlanAsync(RepositoryFiles.Example(example));

        var run = await RunAsync(RepositoryFiles.Example(example));

        Assert.Equal(PlanThenRun.Planned(plan), PlanThenRun.Changed(run));
    }

    [Fact]
    public async Task Plan_then_run_of_an_unchanged_request_is_all_no_op_and_the_run_makes_no_mutating_call()
    {
        await RunAsync(RepositoryFiles.Example("web-service.json"));

        var (exitCode, plan) = await PlanAsync(RepositoryFiles.Example("web-service.json"));
        var run = await RunAsync(RepositoryFiles.Example("web-service.json"));

        Assert.Equal(0, exitCode);
        Assert.Empty(PlanThenRun.Planned(plan));
        Assert.Equal(0, run["mutatingCalls"]!.GetValue<int>());
    }

    [Fact]
    public async Task Plan_then_run_of_a_scale_out_changes_only_the_container_instances()
    {
        await RunAsync(RepositoryFiles.Example("batch-task.json"));
        var request = LocalRun.Example("batch-task.json");
        request["cluster"]!["instanceCount"] = request["cluster"]!["instanceCount"]!.GetValue<int>() + 1;
        var changed = await WriteAsync("scale-out.json", request);

        var (_, plan) = await PlanAsync(changed);
        var run = await RunAsync(changed);

        Assert.Equal(["container-instances"], PlanThenRun.Planned(plan));
        Assert.Equal(PlanThenRun.Planned(plan), PlanThenRun.Changed(run));
    }

    [Fact]
    public async Task Plan_refuses_a_change_of_an_immutable_field_with_the_field_and_the_fix_and_exits_2()
    {
        await RunAsync(RepositoryFiles.Example("web-service.json"));
        var request = LocalRun.Example("web-service.json");
        request["network"]!["subnetCidr"] = "10.0.4.0/24";
        var before = await File.ReadAllBytesAsync(StateFile);

        var (exitCode, plan) = await PlanAsync(await WriteAsync("new-subnet.json", request));

        Assert.Equal(2, exitCode);
        var refused = Assert.Single(plan["refused"]!.AsArray());
        Assert.Equal("network.subnetCidr", refused!["field"]!.GetValue<string>());
        Assert.Contains("Fix:", refused["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(StateFile));
    }

    [Fact]
    public async Task Plan_of_an_invalid_request_exits_2_naming_the_field_and_prints_no_plan()
    {
        var request = LocalRun.Example("batch-task.json");
        request["outpostArn"] = "not-an-arn";

        var (exitCode, output, error) = await CliRun.RunAsync("plan", await WriteAsync("invalid.json", request), "--json");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("outpostArn:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_refuses_a_managed_policy_the_stack_does_not_allow_as_the_run_would()
    {
        var request = LocalRun.Example("web-service.json");
        request["iam"]!["managedPolicyArns"]!.AsArray().Add("arn:aws:iam::aws:policy/AdministratorAccess");

        var (exitCode, output, error) = await CliRun.RunAsync("plan", await WriteAsync("escalate.json", request), "--json");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("iam.managedPolicyArns[1]: \"arn:aws:iam::aws:policy/AdministratorAccess\" is not one of the managed policies this stack allows", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_takes_one_world_a_state_file_or_an_endpoint_not_both()
    {
        var (exitCode, _, error) = await CliRun.RunAsync("plan", RepositoryFiles.Example("batch-task.json"), "--state-file", StateFile, "--aws-endpoint", "http://127.0.0.1:4566");

        Assert.Equal(2, exitCode);
        Assert.Contains("--state-file and --aws-endpoint", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private async Task<(int ExitCode, JsonNode Plan)> PlanAsync(string request)
    {
        var (exitCode, output, error) = await CliRun.RunAsync("plan", request, "--state-file", StateFile, "--json");
        Assert.True(output.Length > 0, error);
        return (exitCode, JsonNode.Parse(output)!);
    }

    private async Task<JsonNode> RunAsync(string request)
    {
        var (exitCode, output, error) = await CliRun.WithTemplateAsync("run", request, "--state-file", StateFile, "--json");
        Assert.True(exitCode == 0, error + output);
        return JsonNode.Parse(output)!;
    }

    private async Task<string> WriteAsync(string name, JsonObject request)
    {
        var path = Path.Combine(directory, name);
        await File.WriteAllTextAsync(path, request.ToJsonString());
        return path;
    }
}
