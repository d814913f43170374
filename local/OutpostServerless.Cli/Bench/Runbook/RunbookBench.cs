using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Local.Workflow;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Emulator.Wire;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Bench.Runbook;

/// <summary>
/// <c>bench runbook</c>: the same provisioning three ways, round after round, each round on new emulated worlds
/// (<see cref="LocalWorkflow.NewWorld"/>, the one <c>run</c> makes): the runbook's AWS CLI commands against the
/// world served over HTTP (SigV4-verified, as <c>emulator serve</c> serves it), a fresh <c>outpost-serverless run</c>
/// process (cold), and one more provisioning in this process (warm). Every runbook command and every run is checked:
/// a failure stops the bench.
/// </summary>
public sealed class RunbookBench(RunbookBenchSettings settings, IProcessRunner processes)
{
    /// <summary>Units of work the progress reports: per round the runbook, the cold run and the warm run, plus one warm-up.</summary>
    public int Units => (settings.Rounds * 3) + 1;

    public async Task<RunbookBenchResult> RunAsync(Action<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Rounds, 1);
        var template = SamTemplate.Load(settings.TemplatePath, new SamEnvironment("us-west-2", "123456789012"));
        var request = JsonNode.Parse(await File.ReadAllTextAsync(settings.RequestPath, cancellationToken));
        var workflow = new LocalWorkflow(template);
        var done = 0;

        // Warm means a process that already provisioned once: this one does, untimed.
        await WarmRunAsync(workflow, request, cancellationToken);
        progress?.Invoke(++done);

        var (runbook, cold, warm) = (new List<RunbookRound>(), new List<double>(), new List<double>());
        for (var round = 0; round < settings.Rounds; round++)
        {
            runbook.Add(await RunbookAsync(cancellationToken));
            progress?.Invoke(++done);
            cold.Add(await ColdRunAsync(cancellationToken));
            progress?.Invoke(++done);
            warm.Add(await WarmRunAsync(workflow, request, cancellationToken));
            progress?.Invoke(++done);
        }

        return new RunbookBenchResult(settings.AwsCli, settings.Cli.Describe(), runbook, cold, warm);
    }

    private async Task<RunbookRound> RunbookAsync(CancellationToken cancellationToken)
    {
        var (cloud, clock) = LocalWorkflow.NewWorld();
        await using var server = await EmulatorServer.StartAsync(cloud, EmulatorServerOptions.Default, cancellationToken);
        var cli = new AwsCliProcess(settings.AwsCli, server.BaseUrl, cloud.Options.Region, processes);
        return await new RunbookRunner(settings.Runbook, cli, clock.Advance).RunAsync(cancellationToken);
    }

    private async Task<double> ColdRunAsync(CancellationToken cancellationToken)
    {
        string[] arguments = [.. settings.Cli.LeadingArguments, "run", settings.RequestPath, "--template", settings.TemplatePath, "--json"];
        var started = Stopwatch.GetTimestamp();
        var outcome = await processes.RunAsync(settings.Cli.Executable, arguments, null, new Dictionary<string, string?>(), cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var commandLine = string.Join(' ', [settings.Cli.Executable, .. arguments]);
        string? status;
        try
        {
            status = JsonNode.Parse(outcome.Output)?["status"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            status = null;
        }

        if (outcome.ExitCode != 0 || status != ExecutionStatus.Succeeded)
        {
            throw new RunbookBenchRunFailedException(commandLine, $"exit code {outcome.ExitCode}, status {status ?? "(none)"}: {(outcome.Error + outcome.Output).Trim()}");
        }

        return elapsed.TotalMilliseconds;
    }

    private static async Task<double> WarmRunAsync(LocalWorkflow workflow, JsonNode? request, CancellationToken cancellationToken)
    {
        var settings = new LocalRunSettings { Request = request, ExecutionName = "bench-runbook" };
        var started = Stopwatch.GetTimestamp();
        var result = await workflow.RunAsync(settings, observer: null, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (result.Execution.Status != ExecutionStatus.Succeeded)
        {
            throw new RunbookBenchRunFailedException("run (in process)", $"{result.Execution.Status}: {result.Execution.Error}: {result.Execution.Cause}");
        }

        return elapsed.TotalMilliseconds;
    }
}
