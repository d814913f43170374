using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Tests.Run;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_with_json_prints_one_object_with_the_run_figures_and_exits_0_on_success()
    {
        var (exitCode, output, _) = await CliRun.WithTemplateAsync("run", RepositoryFiles.Example("batch-task.json"), "--json");

        Assert.Equal(0, exitCode);
        var report = JsonNode.Parse(output)!.AsObject();
        Assert.Equal("SUCCEEDED", report["status"]!.GetValue<string>());
        Assert.True(report["stateTransitions"]!.GetValue<int>() > 10);
        Assert.True(report["apiCalls"]!["ec2:RunInstances"]!.GetValue<int>() >= 1);
        Assert.True(report["mutatingCalls"]!.GetValue<int>() > 0);
        Assert.True(report["virtualSeconds"]!.GetValue<double>() > 0);
        Assert.NotNull(report["wallMilliseconds"]);
        Assert.Equal("nightly-reconcile", report["output"]!["provisioningId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_prints_a_live_line_per_state_and_a_table_of_what_was_created()
    {
        var (exitCode, output, _) = await CliRun.WithTemplateAsync("run", RepositoryFiles.Example("web-service.json"));

        Assert.Equal(0, exitCode);
        Assert.Contains("→ CheckCapacity", output);
        Assert.Contains("✓ StartWorkload", output);
        Assert.Contains("SUCCEEDED", output);
        Assert.Contains("storefront", output);
    }

    [Fact]
    public async Task Run_exits_1_when_the_provisioning_fails()
    {
        var (exitCode, output, _) = await CliRun.WithTemplateAsync("run", RepositoryFiles.Example("web-service.json"), "--json",
            "--fault", "ecs:CreateService=InvalidParameterException");

        Assert.Equal(1, exitCode);
        Assert.Equal("FAILED", JsonNode.Parse(output)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_exits_2_on_an_invalid_request()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-request-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "outpostArn": "not-an-arn" }""");
        try
        {
            var (exitCode, output, _) = await CliRun.WithTemplateAsync("run", file, "--json");

            Assert.Equal(2, exitCode);
            Assert.Equal("Provisioning.InvalidRequest", JsonNode.Parse(output)!["error"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--capacity", "-1")]
    [InlineData("--fault", "RunInstances")]
    public async Task Run_exits_2_on_a_bad_option_and_says_which(string option, string value)
    {
        var (exitCode, _, error) = await CliRun.WithTemplateAsync("run", RepositoryFiles.Example("web-service.json"), option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(option, error);
    }

    [Fact]
    public async Task Run_exits_2_when_the_request_file_is_not_JSON()
    {
        var file = Path.Combine(Path.GetTempPath(), $"not-json-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "outpostArn: yaml?");
        try
        {
            var (exitCode, _, error) = await CliRun.WithTemplateAsync("run", file);

            Assert.Equal(2, exitCode);
            Assert.Contains("Cannot start", error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
