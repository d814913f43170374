using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using OutpostServerless.Cli.Hosting;
using OutpostServerless.Cli.Output;
using OutpostServerless.Cli.Run;
using OutpostServerless.Emulator.Sam;

namespace OutpostServerless.Cli.Bench.QueueBench;

/// <summary>
/// <c>bench capacity-queue [--provisionings N] [--seed S] [--chaos-rate P] [--json]</c>: one seeded scenario of teams
/// waiting on a shared, full Outpost (<see cref="CapacityQueueScenario"/>), run three ways — the capacity queue woken
/// by the capacity alarm, polling only, and the queue with its events dropped, duplicated and delayed — printing
/// the virtual seconds from capacity available to instances launched (p50/p99), refused launches, duplicates and leaks.
/// </summary>
public static class CapacityQueueBenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var provisionings = new Option<int>("--provisionings") { Description = "Teams in the scenario (at least 1, at most 250).", DefaultValueFactory = _ => 50 };
        var seed = new Option<int>("--seed") { Description = "Seeds arrivals, slot releases, jitter and the event chaos.", DefaultValueFactory = _ => 1 };
        var chaosRate = new Option<double>("--chaos-rate") { Description = "Chance that an event is lost, and again that it is duplicated, and that it is late (0 to 0.33).", DefaultValueFactory = _ => 0.2 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var templateOption = new Option<FileInfo?>("--template") { Description = "The SAM template (default: template.yaml in this or a parent directory)." };
        var command = new Command("capacity-queue", "Waiting for capacity with the queue vs polling only, over one seeded scenario: latency from capacity available to instances launched.")
        {
            provisionings, seed, chaosRate, json, templateOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(provisionings);
            var rate = parse.GetValue(chaosRate);
            if (count is < 1 or > 250 || rate is < 0 or > 0.33)
            {
                await error.WriteLineAsync(count is < 1 or > 250
                    ? $"--provisionings: {count} is out of range. Fix: give 1 to 250."
                    : $"--chaos-rate: {rate.ToString(CultureInfo.InvariantCulture)} is out of range. Fix: give 0 to 0.33.");
                return ExitCodes.BadInput;
            }

            SamTemplate template;
            try
            {
                template = SamTemplate.Load(TemplateLocator.Find(parse.GetValue(templateOption)), new SamEnvironment("us-west-2", "123456789012"));
            }
            catch (Exception unreadable) when (unreadable is IOException or SamTemplateException)
            {
                await error.WriteLineAsync($"Cannot bench: {unreadable.Message}");
                return ExitCodes.BadInput;
            }

            var scenario = new CapacityQueueScenario(count, parse.GetValue(seed));
            var chaos = new EventChaos(parse.GetValue(seed), rate);

            // A progress bar over the three runs of the scenario on a terminal; none with --json or redirected output.
            var console = parse.GetValue(json) ? null : CliConsole.Create(output);
            var (queued, polling, chaotic) = await TerminalProgress.RunAsync(console, "scenario runs (queue, polling only, queue under event chaos)", 3, async progress =>
            {
                var withQueue = await scenario.RunAsync(template, queue: true, delivery: null, cancellationToken);
                progress?.Invoke(1);
                var pollingOnly = await scenario.RunAsync(template, queue: false, delivery: null, cancellationToken);
                progress?.Invoke(2);
                var underChaos = await scenario.RunAsync(template, queue: true, chaos.Deliveries, cancellationToken);
                progress?.Invoke(3);
                return (withQueue, pollingOnly, underChaos);
            });

            var report = new JsonObject
            {
                ["provisionings"] = count,
                ["seed"] = parse.GetValue(seed),
                ["queue"] = Json(queued),
                ["polling"] = Json(polling),
                ["chaos"] = Json(chaotic),
                ["chaosEvents"] = new JsonObject { ["dropped"] = chaos.Dropped, ["duplicated"] = chaos.Duplicated, ["delayed"] = chaos.Delayed },
            };
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(report.ToJsonString());
            }
            else
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{count} provisionings on a full Outpost, seed {parse.GetValue(seed)}: virtual seconds from capacity available to instances launched"));
                await output.WriteLineAsync(Line("queue (woken by the capacity alarm)", queued));
                await output.WriteLineAsync(Line("polling only (fallback re-checks)", polling));
                await output.WriteLineAsync(Line($"queue, events lost/duplicated/late ({chaos.Dropped}/{chaos.Duplicated}/{chaos.Delayed})", chaotic));
            }

            var clean = new[] { queued, polling, chaotic }.All(r => r.Duplicates == 0 && r.Leaks == 0 && r.StillQueued == 0);
            return clean ? ExitCodes.Succeeded : ExitCodes.Failed;
        });
        return command;
    }

    private static string Line(string mode, CapacityQueueRun run) => string.Create(CultureInfo.InvariantCulture,
        $"  {mode}: p50 {run.Latency.P50:0} s, p99 {run.Latency.P99:0} s, mean {run.Latency.Mean:0.#} s; {run.Succeeded} succeeded, {run.Failed} failed; " +
        $"{run.InsufficientCapacityLaunches} InsufficientInstanceCapacity, {run.Duplicates} duplicates, {run.Leaks} leaks, {run.StillQueued} left in the queue; {run.Woken} woken; {run.VirtualHours} virtual h in {run.WallSeconds} s");

    private static JsonObject Json(CapacityQueueRun run) => new()
    {
        ["succeeded"] = run.Succeeded,
        ["failed"] = run.Failed,
        ["latencySeconds"] = new JsonObject { ["p50"] = run.Latency.P50, ["p90"] = run.Latency.P90, ["p99"] = run.Latency.P99, ["max"] = run.Latency.Max, ["mean"] = run.Latency.Mean, ["count"] = run.Latency.Count },
        ["insufficientCapacityLaunches"] = run.InsufficientCapacityLaunches,
        ["duplicates"] = run.Duplicates,
        ["leaks"] = run.Leaks,
        ["leftInQueue"] = run.StillQueued,
        ["woken"] = run.Woken,
        ["virtualHours"] = run.VirtualHours,
        ["wallSeconds"] = run.WallSeconds,
    };
}
