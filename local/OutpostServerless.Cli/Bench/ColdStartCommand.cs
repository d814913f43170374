using System.CommandLine;
using System.Text.Json.Nodes;
using OutpostServerless.Cli.Output;

namespace OutpostServerless.Cli.Bench;

/// <summary>
/// <c>bench cold-start [--starts 20]</c>: the Native AOT bootstrap against the same handler framework-dependent
/// (JIT), each started afresh on the emulator's Runtime API: median and p99 of process start to first response,
/// and peak RSS. Publishes both from the repository unless given (<c>--aot</c>, <c>--jit</c>).
/// </summary>
public static class ColdStartCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var starts = new Option<int>("--starts") { Description = "Starts measured per variant (at least 20 for a meaningful p99).", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup") { Description = "Starts run first and not measured, per variant.", DefaultValueFactory = _ => 2 };
        var aot = new Option<FileInfo?>("--aot") { Description = "A Native AOT bootstrap to measure (default: dotnet publish -r linux-x64 -c Release of the Functions project)." };
        var jit = new Option<FileInfo?>("--jit") { Description = "A framework-dependent bootstrap (apphost or bootstrap.dll) to compare (default: dotnet publish -p:PublishAot=false)." };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object." };
        var command = new Command("cold-start", "Measure the bootstrap's cold start, Native AOT against JIT: process start to first response on the emulator's Lambda Runtime API, median and p99, and peak RSS.")
        {
            starts, warmup, aot, jit, json,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(starts);
            var warm = parse.GetValue(warmup);
            if (count < 1 || warm < 0)
            {
                await error.WriteLineAsync("--starts must be at least 1 and --warmup at least 0.");
                return 2;
            }

            var root = ColdStartBuilds.FindRepositoryRoot(Environment.CurrentDirectory);
            var payload = Payload(root);
            try
            {
                var aotBootstrap = parse.GetValue(aot)?.FullName ?? await PublishAsync(root, aot: true, error, cancellationToken);
                var jitBootstrap = parse.GetValue(jit)?.FullName ?? await PublishAsync(root, aot: false, error, cancellationToken);
                // A progress bar over both variants' starts on a terminal; none with --json or redirected output.
                var perVariant = warm + count;
                var console = parse.GetValue(json) ? null : CliConsole.Create(output);
                var report = await TerminalProgress.RunAsync(console, "cold starts (Native AOT, then JIT)", 2 * perVariant, async progress => new ColdStartReport(
                    ColdStartStatistics.From("Native AOT", await ColdStartBenchmark.MeasureAsync(aotBootstrap, count, warm, payload, progress, cancellationToken)),
                    ColdStartStatistics.From(
                        "JIT (framework-dep.)",
                        await ColdStartBenchmark.MeasureAsync(jitBootstrap, count, warm, payload, progress is null ? null : done => progress(perVariant + done), cancellationToken))));
                if (parse.GetValue(json))
                {
                    await output.WriteLineAsync(report.ToJson());
                }
                else
                {
                    report.WriteText(output);
                }

                return 0;
            }
            catch (ColdStartBuildException failed)
            {
                await error.WriteLineAsync($"{failed.Message}\n{failed.Output}");
                return 1;
            }
            catch (Exception failed) when (failed is ColdStartFailedException or FileNotFoundException or DirectoryNotFoundException)
            {
                await error.WriteLineAsync(failed.Message);
                return 1;
            }
        });
        return command;
    }

    private static async Task<string> PublishAsync(string? root, bool aot, TextWriter progress, CancellationToken cancellationToken)
    {
        if (root is null)
        {
            throw new DirectoryNotFoundException($"{ColdStartBuilds.ProjectPath} is not under this directory or a parent; pass --aot and --jit.");
        }

        var directory = Path.Combine(Path.GetTempPath(), "outpost-serverless-bench", aot ? "aot" : "jit");
        await progress.WriteLineAsync($"Publishing the {(aot ? "Native AOT" : "JIT")} bootstrap to {directory} ...");
        return await ColdStartBuilds.PublishAsync(root, aot, directory, cancellationToken);
    }

    /// <summary>ValidateRequest's event for the sample web-service request (a minimal request outside the repository).</summary>
    private static string Payload(string? root)
    {
        var example = root is null ? null : Path.Combine(root, "statemachine", "examples", "web-service.json");
        var request = example is not null && File.Exists(example) ? JsonNode.Parse(File.ReadAllText(example)) : new JsonObject();
        return new JsonObject { ["request"] = request, ["executionName"] = "cold-start-benchmark" }.ToJsonString();
    }
}
