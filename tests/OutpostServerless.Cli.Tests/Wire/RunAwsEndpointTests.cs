using System.Text.Json.Nodes;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Wire;

namespace OutpostServerless.Cli.Tests.Wire;

/// <summary><c>run --aws-endpoint URL</c>: the steps reach that endpoint over HTTP; the embedded emulator's options do not apply.</summary>
public sealed class RunAwsEndpointTests
{
    /// <summary>
    /// An endpoint's world on real time, as <c>emulator serve</c> runs it, but where instances boot and register
    /// at once: the run takes no real waiting for the container instances.
    /// </summary>
    private static EmulatedCloud ImmediateWorld() => new(TimeProvider.System, EmulatorOptions.Default with
    {
        Timings = new EmulatorTimings { InstanceBoot = TimeSpan.Zero, AgentRegistration = TimeSpan.Zero, TaskStart = TimeSpan.Zero },
    });

    [Fact]
    public async Task Run_with_an_aws_endpoint_provisions_there_and_reports_the_calls_the_endpoint_answered()
    {
        var cloud = ImmediateWorld();
        // The stack is deployed at the endpoint: its provisioning-records table exists there.
        OutpostServerless.Emulator.Sam.SamTemplate.Load(RepositoryFiles.Template, new OutpostServerless.Emulator.Sam.SamEnvironment("us-west-2", "123456789012")).DeployTo(cloud);
        await using var server = await EmulatorServer.StartAsync(cloud);

        var (exitCode, output, error) = await CliRun.WithTemplateAsync("run", RepositoryFiles.Example("batch-task.json"), "--json", "--aws-endpoint", server.BaseUrl.ToString());

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}{output}");
        var report = JsonNode.Parse(output)!.AsObject();
        Assert.Equal("SUCCEEDED", report["status"]!.GetValue<string>());
        var reported = report["apiCalls"]!.AsObject().Select(c => KeyValuePair.Create(c.Key, c.Value!.GetValue<int>())).OrderBy(c => c.Key, StringComparer.Ordinal);
        Assert.Equal(cloud.Calls.Counts.OrderBy(c => c.Key, StringComparer.Ordinal), reported);
        Assert.Equal(cloud.Calls.MutatingTotal, report["mutatingCalls"]!.GetValue<int>());
        Assert.NotEmpty(cloud.ResourcesTagged("outpost-serverless:provisioning-id", "nightly-reconcile"));
    }

    [Theory]
    [InlineData("--capacity", "1")]
    [InlineData("--capacity-arrives-after", "600")]
    [InlineData("--fault", "ec2:RunInstances=InsufficientInstanceCapacity")]
    [InlineData("--state-file", "world.json")]
    [InlineData("--lambda", "process")]
    public async Task An_option_that_shapes_the_embedded_emulator_is_refused_with_an_aws_endpoint(string option, string value)
    {
        // Nothing listens on port 9: the run must be refused before any call.
        var (exitCode, output, error) = await CliRun.WithTemplateAsync("run", RepositoryFiles.Example("batch-task.json"), "--aws-endpoint", "http://127.0.0.1:9", option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.Contains("--aws-endpoint", error, StringComparison.Ordinal);
        Assert.DoesNotContain("→", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_aws_endpoint_that_is_not_an_http_url_is_refused()
    {
        var (exitCode, _, error) = await CliRun.WithTemplateAsync("run", RepositoryFiles.Example("batch-task.json"), "--aws-endpoint", "127.0.0.1:4566");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--aws-endpoint must be an absolute http(s) URL", error, StringComparison.Ordinal);
    }
}
