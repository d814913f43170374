using System.CommandLine;
using System.Text.Json.Nodes;
using OutpostServerless.Cli.Chaos;

namespace OutpostServerless.Cli.Tests.Chaos;

public sealed class ChaosCommandTests
{
    [Fact]
    public async Task Chaos_json_reports_runs_outcomes_duplicates_leaks_and_distributions_and_exits_0_when_clean()
    {
        var (exitCode, output, _) = await InvokeAsync("chaos", "--runs", "4", "--fault-rate", "0.2", "--seed", "3", "--json", "--template", RepositoryFiles.Template);

        var report = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(0, exitCode);
        Assert.Equal(4, report["runs"]!.GetValue<int>());
        foreach (var key in new[] { "succeeded", "failedClean", "duplicates", "leaks", "stateTransitions", "statesEntered", "apiCalls", "apiCallsPerRun", "faultsInjected" })
        {
            Assert.True(report.ContainsKey(key), $"no '{key}' in {output}");
        }

        Assert.Equal(4, report["succeeded"]!.GetValue<int>() + report["failedClean"]!.GetValue<int>());
    }

    [Fact]
    public async Task Chaos_prints_a_readable_summary_without_json()
    {
        var (exitCode, output, _) = await InvokeAsync("chaos", "--runs", "2", "--seed", "3", "--template", RepositoryFiles.Template);

        Assert.Equal(0, exitCode);
        Assert.Contains("duplicates found", output);
        Assert.Contains("resources leaked", output);
        Assert.Contains("ec2:RunInstances", output);
    }

    [Theory]
    [InlineData("--runs", "0")]
    [InlineData("--fault-rate", "1.5")]
    [InlineData("--fault-rate", "-0.1")]
    public async Task Chaos_refuses_impossible_settings_with_exit_code_2(string option, string value)
    {
        var (exitCode, _, error) = await InvokeAsync("chaos", option, value, "--template", RepositoryFiles.Template);

        Assert.Equal(2, exitCode);
        Assert.Contains(option, error);
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { ChaosCommand.Create(output, error) };
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
