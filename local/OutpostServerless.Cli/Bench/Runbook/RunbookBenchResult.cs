using System.Globalization;
using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Bench.Runbook;

/// <summary>
/// What <c>bench runbook</c> measured, per round: the runbook through the AWS CLI, a fresh <c>run</c> process
/// (cold: process start, JIT, the provisioning, exit) and a provisioning inside a process that already ran one
/// (warm); the medians and how many times faster <c>run</c> is than the runbook (runbook ÷ run).
/// </summary>
public sealed record RunbookBenchResult(
    string AwsCli,
    string Cli,
    IReadOnlyList<RunbookRound> Runbook,
    IReadOnlyList<double> ColdRunMilliseconds,
    IReadOnlyList<double> WarmRunMilliseconds)
{
    /// <summary>Issue 12's target: the runbook at least this many times slower than <c>run</c>.</summary>
    public const double TargetRatio = 100;

    public double RunbookMedianMilliseconds => Median(Runbook.Select(r => r.Elapsed.TotalMilliseconds));

    public double ColdMedianMilliseconds => Median(ColdRunMilliseconds);

    public double WarmMedianMilliseconds => Median(WarmRunMilliseconds);

    public double ColdRatio => RunbookMedianMilliseconds / ColdMedianMilliseconds;

    public double WarmRatio => RunbookMedianMilliseconds / WarmMedianMilliseconds;

    /// <summary>AWS CLI commands one pass of the runbook ran, polls included (the same each round: the world is deterministic).</summary>
    public int CommandsPerRunbook => Runbook.Count == 0 ? 0 : Runbook[^1].Commands;

    public void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var culture = CultureInfo.InvariantCulture;
        var waited = Runbook.Count == 0 ? 0 : Runbook[^1].Waited.TotalSeconds;
        output.WriteLine(string.Create(culture, $"{Runbook.Count} rounds, each on a new emulated world; medians:"));
        output.WriteLine(string.Create(culture, $"  runbook   {RunbookMedianMilliseconds,9:0.0} ms  {CommandsPerRunbook} commands of {AwsCli}, each a process, over HTTP to emulator serve's endpoint ({waited:0} virtual s waited)"));
        output.WriteLine(string.Create(culture, $"  run cold  {ColdMedianMilliseconds,9:0.0} ms  a fresh `outpost-serverless run --json` process: {Cli}"));
        output.WriteLine(string.Create(culture, $"  run warm  {WarmMedianMilliseconds,9:0.0} ms  one more provisioning in this process (new world, same request)"));
        output.WriteLine(string.Create(culture, $"runbook ÷ run: {ColdRatio:0.0}x cold, {WarmRatio:0.0}x warm (target >= {TargetRatio:0}x: cold {Verdict(ColdRatio)}, warm {Verdict(WarmRatio)})"));
    }

    public JsonObject ToJson() => new()
    {
        ["rounds"] = Runbook.Count,
        ["awsCli"] = AwsCli,
        ["cli"] = Cli,
        ["runbook"] = new JsonObject
        {
            ["medianMs"] = Round(RunbookMedianMilliseconds),
            ["commands"] = CommandsPerRunbook,
            ["virtualSecondsWaited"] = Runbook.Count == 0 ? 0 : Runbook[^1].Waited.TotalSeconds,
            ["samplesMs"] = Samples(Runbook.Select(r => r.Elapsed.TotalMilliseconds)),
        },
        ["runCold"] = new JsonObject { ["medianMs"] = Round(ColdMedianMilliseconds), ["ratio"] = Round(ColdRatio), ["samplesMs"] = Samples(ColdRunMilliseconds) },
        ["runWarm"] = new JsonObject { ["medianMs"] = Round(WarmMedianMilliseconds), ["ratio"] = Round(WarmRatio), ["samplesMs"] = Samples(WarmRunMilliseconds) },
        ["targetRatio"] = TargetRatio,
    };

    private static double Median(IEnumerable<double> values) => ColdStartStatistics.Median(values.Order().ToArray());

    private static double Round(double value) => Math.Round(value, 2);

    private static JsonArray Samples(IEnumerable<double> values) => [.. values.Select(v => (JsonNode)Round(v))];

    private static string Verdict(double ratio) => ratio >= TargetRatio ? "met" : "not met";
}
