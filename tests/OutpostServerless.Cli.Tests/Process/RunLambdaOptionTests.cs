using System.Text.Json.Nodes;

// Not ".Process": that namespace would hide System.Diagnostics.Process from every test namespace beside it.
namespace OutpostServerless.Cli.Tests.LambdaProcess;

/// <summary><c>run --lambda process|inprocess</c>.</summary>
public sealed class RunLambdaOptionTests
{
    [Fact]
    public async Task Run_with_lambda_process_provisions_through_bootstrap_processes_and_exits_0()
    {
        var (exitCode, output, _) = await CliRun.WithTemplateAsync("run", RepositoryFiles.Example("batch-task.json"), "--json", "--lambda", "process");

        Assert.Equal(0, exitCode);
        Assert.Equal("SUCCEEDED", JsonNode.Parse(output)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_refuses_an_unknown_lambda_mode_and_names_the_choices()
    {
        var (exitCode, _, error) = await CliRun.WithTemplateAsync("run", RepositoryFiles.Example("batch-task.json"), "--lambda", "container");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("inprocess or process", error);
    }
}
