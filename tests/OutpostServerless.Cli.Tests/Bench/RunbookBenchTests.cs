using System.Text.Json.Nodes;
using OutpostServerless.Cli.Bench;
using OutpostServerless.Cli.Bench.Runbook;

namespace OutpostServerless.Cli.Tests.Bench;

public sealed class RunbookBenchTests
{
    private const string Cli = "/opt/outpost-serverless";

    private static RunbookBenchSettings Settings(int rounds) => new()
    {
        Rounds = rounds,
        RunbookPath = "test-runbook.json",
        Runbook = RunbookFile.Check("test-runbook.json", new RunbookDocument
        {
            Files = new Dictionary<string, JsonNode?>(),
            Steps =
            [
                new RunbookStep { Aws = ["ecs", "create-cluster", "--cluster-name", "storefront"] },
                new RunbookStep { Aws = ["ecs", "create-service", "--cluster", "storefront"] },
            ],
        }),
        RequestPath = RepositoryFiles.Example("web-service.json"),
        TemplatePath = RepositoryFiles.Template,
        AwsCli = "/usr/bin/aws",
        Cli = new CliLauncher(Cli, [], ReadyToRun: false),
    };

    [Fact]
    public async Task Each_round_runs_the_whole_runbook_then_a_fresh_run_process_on_the_same_request_and_template()
    {
        var processes = new FakeProcessRunner((executable, _) => FakeProcessRunner.Prints(executable == Cli ? """{"status": "SUCCEEDED"}""" : "{}"));
        var progress = new List<int>();
        var bench = new RunbookBench(Settings(rounds: 2), processes);

        var result = await bench.RunAsync(progress.Add, TestContext.Current.CancellationToken);

        Assert.Equal(
            ["aws create-cluster", "aws create-service", "cli run", "aws create-cluster", "aws create-service", "cli run"],
            processes.Started.Select(s => s.Executable == Cli ? $"cli {s.Arguments[0]}" : $"aws {s.Arguments[1]}"));
        Assert.Equal(["run", RepositoryFiles.Example("web-service.json"), "--template", RepositoryFiles.Template, "--json"], processes.Started[2].Arguments);
        Assert.Equal((2, 2, 2), (result.Runbook.Count, result.ColdRunMilliseconds.Count, result.WarmRunMilliseconds.Count));
        Assert.Equal(Enumerable.Range(1, bench.Units), progress);
    }

    [Fact]
    public async Task A_run_process_that_does_not_succeed_stops_the_bench_with_what_it_printed()
    {
        var processes = new FakeProcessRunner((executable, _) => executable == Cli
            ? new ProcessOutcome(1, """{"status": "FAILED"}""", "States.TaskFailed")
            : FakeProcessRunner.Prints("{}"));

        var failed = await Assert.ThrowsAsync<RunbookBenchRunFailedException>(() => new RunbookBench(Settings(rounds: 3), processes).RunAsync(null, TestContext.Current.CancellationToken));

        Assert.Contains("exit code 1, status FAILED: States.TaskFailed", failed.Message, StringComparison.Ordinal);
        Assert.Single(processes.Started, s => s.Executable == Cli);
    }
}
