using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Cli.Chaos.Lifecycle;
using OutpostServerless.Cli.Hosting;
using OutpostServerless.Cli.Output;
using OutpostServerless.Cli.Run;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Cli.Chaos;

/// <summary>
/// <c>chaos --runs N --fault-rate P --seed S [--json]</c>: N provisionings of the example requests
/// against the emulator under seeded faults; prints how many succeeded with exactly their inventory,
/// how many failed cleanly, and any duplicate or leaked resource (either makes the exit code non-zero).
/// </summary>
public static class ChaosCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var runs = new Option<int>("--runs") { Description = "How many provisionings to run.", DefaultValueFactory = _ => 100 };
        var rate = new Option<double>("--fault-rate")
        {
            Description = "Probability (0-1) that a step attempt meets a fault (throttling, 5xx, timeout before or after the effect, a crash after a call, a Lambda service error); also of an Outpost disconnection and of capacity taken, per run.",
            DefaultValueFactory = _ => 0.2,
        };
        var seed = new Option<long>("--seed") { Description = "Seed of every random choice: the same seed gives the same runs.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (runs, succeeded, failedClean, duplicates, leaks, incomplete, faultsInjected, failures, stateTransitions, statesEntered, apiCallsPerRun, apiCalls, …)." };
        var parallelism = new Option<int?>("--parallel") { Description = "Runs at a time (default: one per processor)." };
        var lifecycle = new Option<bool>("--lifecycle")
        {
            Description = "Instead of single provisionings: --runs sequences of creates, updates, unchanged re-runs and teardowns over several provisionings sharing one Outpost; checks duplicates, leaks, working-state resources destroyed by failed executions and other provisionings touched.",
        };
        var templateOption = new Option<FileInfo?>("--template") { Description = "The SAM template (default: template.yaml in this or a parent directory); requests come from statemachine/examples beside it." };
        var command = new Command("chaos", "Run many provisionings against the emulator under seeded faults, and check that nothing was duplicated or leaked.")
        {
            runs, rate, seed, json, parallelism, lifecycle, templateOption,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new ChaosSettings
            {
                Runs = parse.GetValue(runs),
                FaultRate = parse.GetValue(rate),
                Seed = parse.GetValue(seed),
                Parallelism = parse.GetValue(parallelism) ?? Environment.ProcessorCount,
            };
            if (Problem(settings) is { } problem)
            {
                await error.WriteLineAsync(problem);
                return ExitCodes.BadInput;
            }

            SamTemplate template;
            List<KeyValuePair<string, JsonObject>> examples;
            try
            {
                var templatePath = TemplateLocator.Find(parse.GetValue(templateOption));
                template = SamTemplate.Load(templatePath, new SamEnvironment("us-west-2", "123456789012"));
                examples = LoadExamples(Path.Combine(Path.GetDirectoryName(templatePath)!, "statemachine", "examples"));
            }
            catch (Exception unreadable) when (unreadable is IOException or JsonException or SamTemplateException or UnauthorizedAccessException or InvalidDataException)
            {
                await error.WriteLineAsync($"Cannot start: {unreadable.Message}");
                return ExitCodes.BadInput;
            }

            // A progress bar on a terminal; none with --json or redirected output, which get the report alone.
            var console = parse.GetValue(json) ? null : CliConsole.Create(output);
            if (parse.GetValue(lifecycle))
            {
                var lifecycleRunner = new LifecycleRunner(new LocalWorkflow(template), new LocalWorkflow(template, LocalWorkflow.TeardownStateMachine), examples);
                var lifecycleReport = await TerminalProgress.RunAsync(console, "lifecycle sequences", settings.Runs, progress => lifecycleRunner.RunAsync(settings, progress, cancellationToken));
                await output.WriteLineAsync(parse.GetValue(json) ? lifecycleReport.ToJson() : lifecycleReport.ToText());
                return lifecycleReport.Clean ? ExitCodes.Succeeded : ExitCodes.Failed;
            }

            var runner = new ChaosRunner(new LocalWorkflow(template), examples);
            var report = await TerminalProgress.RunAsync(console, "provisionings under chaos", settings.Runs, progress => runner.RunAsync(settings, progress, cancellationToken));
            await output.WriteLineAsync(parse.GetValue(json) ? report.ToJson() : report.ToText());
            return report.Clean ? ExitCodes.Succeeded : ExitCodes.Failed;
        });
        return command;
    }

    private static string? Problem(ChaosSettings settings) => settings switch
    {
        { Runs: < 1 } => "--runs must be 1 or more.",
        { FaultRate: < 0 or > 1 } or { FaultRate: double.NaN } => "--fault-rate must be a probability from 0 to 1.",
        { Parallelism: < 1 } => "--parallel must be 1 or more.",
        _ => null,
    };

    private static List<KeyValuePair<string, JsonObject>> LoadExamples(string directory)
    {
        var examples = Directory.GetFiles(directory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(file => new KeyValuePair<string, JsonObject>(
                Path.GetFileNameWithoutExtension(file),
                JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? throw new InvalidDataException($"{file} is not a JSON object.")))
            .ToList();
        return examples.Count > 0
            ? examples
            : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"No example requests in {directory}."));
    }
}
