using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using OutpostServerless.Cli.Bench;
using OutpostServerless.Cli.Chaos;
using OutpostServerless.Cli.Output;
using OutpostServerless.Cli.Tests.Chaos;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.StateMachine;
using Spectre.Console;

namespace OutpostServerless.Cli.Tests.Progress;

/// <summary>
/// Progress on long work (chaos, bench): a bar on a terminal, moved by what the work reports as it finishes units;
/// nothing with --json or redirected output.
/// </summary>
public sealed class ProgressTests
{
    [Fact]
    public async Task Chaos_reports_every_finished_run_to_its_progress_sink_once()
    {
        var reported = new ConcurrentQueue<int>();
        var runner = new ChaosRunner(ChaosWorld.Workflow, ChaosWorld.Examples);

        var report = await runner.RunAsync(new ChaosSettings { Runs = 4, FaultRate = 0.2, Seed = 3, Parallelism = 2 }, reported.Enqueue, CancellationToken.None);

        Assert.Equal(4, report.Runs);
        Assert.Equal([1, 2, 3, 4], reported.Order());
    }

    [Fact]
    public async Task Bench_reports_the_warm_up_then_the_measured_executions_to_its_progress_sink()
    {
        var reported = new ConcurrentQueue<int>();
        var settings = new BenchSettings
        {
            Definition = StateMachineDefinition.Parse("""{"StartAt":"Only","States":{"Only":{"Type":"Pass","End":true}}}"""),
            Invoker = new ProvisioningStubInvoker(),
            Input = new JsonObject(),
            Executions = 30,
            Warmup = 5,
            Partitions = 2,
        };

        var result = await BenchRunner.RunAsync(settings, reported.Enqueue, CancellationToken.None);

        Assert.Equal(30, result.Executions);
        Assert.Equal(Enumerable.Range(1, 35), reported.Order());
    }

    [Fact]
    public async Task The_wire_bench_reports_every_call_warm_up_included_to_its_progress_sink()
    {
        var reported = new ConcurrentQueue<int>();
        var runner = new WireBenchRunner(new WireBenchSettings { Calls = 3, CliCalls = 0, Warmup = 1 });

        var result = await runner.RunAsync(reported.Enqueue, CancellationToken.None);

        // Four timed series (two operations, in process and over our clients), each one warm-up call and three measured.
        Assert.Equal(4, result.Latencies.Count);
        Assert.Equal(16, runner.TotalCalls);
        Assert.Equal(Enumerable.Range(1, 16), reported.Order());
    }

    [Fact]
    public async Task The_DescribeExecution_bench_reports_each_measured_second_once()
    {
        var reported = new ConcurrentQueue<int>();
        var template = SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012"));

        var result = await new DescribeExecutionBench(template, clients: 4, TimeSpan.FromSeconds(2)).RunAsync(reported.Enqueue, CancellationToken.None);

        Assert.True(result.Requests > 0);
        Assert.Equal([1, 2], reported);
    }

    [Fact]
    public async Task Redirected_output_gets_no_bar_and_the_work_no_sink()
    {
        using var redirected = new StringWriter();
        Action<int>? given = _ => { };

        var answer = await TerminalProgress.RunAsync(CliConsole.Create(redirected), "runs", 3, sink => { given = sink; return Task.FromResult(42); });

        Assert.Equal((42, null, string.Empty), (answer, given, redirected.ToString()));
    }

    [Fact]
    public async Task With_json_there_is_no_console_and_the_work_runs_without_a_sink()
    {
        Action<int>? given = _ => { };

        var answer = await TerminalProgress.RunAsync<int>(console: null, "runs", 3, sink => { given = sink; return Task.FromResult(7); });

        Assert.Equal((7, null), (answer, given));
    }

    [Fact]
    public async Task On_a_terminal_the_bar_is_drawn_and_follows_what_the_work_reports()
    {
        using var terminal = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(terminal),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        var seen = new List<int>();

        await TerminalProgress.RunAsync(console, "provisionings under chaos", 2, async sink =>
        {
            Assert.NotNull(sink);
            sink(1);
            seen.Add(1);
            await Task.Delay(250); // the bar refreshes every 100 ms
            sink(2);
            seen.Add(2);
            return 0;
        });

        Assert.Equal([1, 2], seen);
        Assert.Contains("provisionings under chaos", terminal.ToString(), StringComparison.Ordinal);
        Assert.Contains("50%", terminal.ToString(), StringComparison.Ordinal);
        Assert.Contains("100%", terminal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chaos_to_a_pipe_prints_its_report_and_no_progress()
    {
        var (exitCode, output, _) = await CliRun.WithTemplateAsync("chaos", "--runs", "2", "--seed", "3");

        Assert.Equal(0, exitCode);
        Assert.Contains("duplicates found", output, StringComparison.Ordinal);
        Assert.DoesNotContain("provisionings under chaos", output, StringComparison.Ordinal);
        Assert.DoesNotContain("%", output, StringComparison.Ordinal);
    }
}
