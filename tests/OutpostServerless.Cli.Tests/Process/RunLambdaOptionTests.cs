using System.Text.Json.Nodes;

// Not ".Process": that namespace would hide System.Diagnostics.Process from every test namespace beside it.
namespace OutpostServerless.Cli.Tests.LambdaProcess;

/// <summary><c>run --lambda process|inprocess</c>.</summary>
public sealed class RunLambdaOptionTests
{
    private static async Task<(int ExitCode, string Output, string Error)> Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.InvokeAsync([.. args, "--template", RepositoryFiles.Template], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Run_with_lambda_process_provisions_through_bootstrap_processes_and_exits_0()
    {
        var (exitCode, output, _) = await Cli("run", RepositoryFiles.Example("batch-task.json"), "--json", "--lambda", "process");

        Assert.Equal(0, exitCode);
        Assert.Equal("SUCCEEDED", JsonNode.Parse(output)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_refuses_an_unknown_lambda_mode_and_names_the_choices()
    {
        var (exitCode, _, error) = await Cli("run", RepositoryFiles.Example("batch-task.json"), "--lambda", "container");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("inprocess or process", error);
    }
}
