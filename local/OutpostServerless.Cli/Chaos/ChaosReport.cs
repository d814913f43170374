using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OutpostServerless.Cli.Chaos;

/// <summary>
/// What N chaos runs came to. <see cref="Duplicates"/> and <see cref="Leaks"/> count resources (0 is the
/// only acceptable figure); <see cref="Incomplete"/> counts runs that SUCCEEDED without their whole inventory.
/// </summary>
public sealed record ChaosReport
{
    public required int Runs { get; init; }
    public required long Seed { get; init; }
    public required double FaultRate { get; init; }
    public required int Succeeded { get; init; }
    public required int FailedClean { get; init; }
    public required int Duplicates { get; init; }
    public required int Leaks { get; init; }
    public required int Incomplete { get; init; }
    public required int RunsWithDisconnection { get; init; }
    public required int RunsWithCapacityTaken { get; init; }
    /// <summary>Faults that hit a step attempt, by kind.</summary>
    public required IReadOnlyDictionary<string, int> FaultsInjected { get; init; }
    /// <summary>Why the failed runs failed, by error name.</summary>
    public required IReadOnlyDictionary<string, int> Failures { get; init; }
    public required Distribution StateTransitions { get; init; }
    /// <summary>How many times each state was entered, over all runs.</summary>
    public required IReadOnlyDictionary<string, int> StatesEntered { get; init; }
    public required Distribution ApiCallsPerRun { get; init; }
    /// <summary>Calls per operation, over all runs.</summary>
    public required IReadOnlyDictionary<string, int> ApiCalls { get; init; }
    public required Distribution VirtualSeconds { get; init; }
    public required double WallSeconds { get; init; }
    public required IReadOnlyList<ChaosProblem> Problems { get; init; }

    /// <summary>No duplicate, no leak, no incomplete success.</summary>
    public bool Clean => Duplicates == 0 && Leaks == 0 && Incomplete == 0;

    public static ChaosReport From(ChaosSettings settings, IReadOnlyList<ChaosRunResult> results, TimeSpan wall) => new()
    {
        Runs = results.Count,
        Seed = settings.Seed,
        FaultRate = settings.FaultRate,
        Succeeded = results.Count(r => r.SucceededExactly),
        FailedClean = results.Count(r => r.FailedClean),
        Duplicates = results.Sum(r => r.Duplicates.Values.Sum()),
        Leaks = results.Sum(r => r.Leaked.Count),
        Incomplete = results.Count(r => r.Succeeded && r.Missing.Count > 0),
        RunsWithDisconnection = results.Count(r => r.Scenario.DisconnectAt is not null),
        RunsWithCapacityTaken = results.Count(r => r.Scenario.CapacityTakenFor is not null),
        FaultsInjected = Sum(results.Select(r => r.Faults.ToDictionary(f => f.Key.ToString(), f => f.Value, StringComparer.Ordinal))),
        Failures = results.Where(r => !r.Succeeded).GroupBy(r => r.Error ?? r.Status, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        StateTransitions = Distribution.Of(results.Select(r => (double)r.StateTransitions)),
        StatesEntered = Sum(results.Select(r => r.StatesEntered)),
        ApiCallsPerRun = Distribution.Of(results.Select(r => (double)r.ApiCalls.Values.Sum())),
        ApiCalls = Sum(results.Select(r => r.ApiCalls)),
        VirtualSeconds = Distribution.Of(results.Select(r => Math.Round(r.VirtualSeconds, 1))),
        WallSeconds = Math.Round(wall.TotalSeconds, 2),
        Problems = [.. results.Where(r => !r.SucceededExactly && !r.FailedClean).Select(r => new ChaosProblem(
            r.Scenario.Run, r.Scenario.ProvisioningId, r.Scenario.Example, r.Status, r.Error,
            r.Duplicates, [.. r.Leaked.Select(l => $"{l.Type} {l.Id}")], r.Missing))],
    };

    public string ToJson() => JsonSerializer.Serialize(this, ChaosJsonContext.Default.ChaosReport);

    public string ToText()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Chaos: {Runs} provisionings, fault rate {FaultRate:0.##} per step attempt, seed {Seed}");
        text.AppendLine(c, $"  succeeded (exact inventory)  {Succeeded,7}");
        text.AppendLine(c, $"  failed cleanly               {FailedClean,7}");
        text.AppendLine(c, $"  duplicates found             {Duplicates,7}");
        text.AppendLine(c, $"  resources leaked             {Leaks,7}");
        text.AppendLine(c, $"  succeeded but incomplete     {Incomplete,7}");
        text.AppendLine(c, $"  runs with a disconnection    {RunsWithDisconnection,7}");
        text.AppendLine(c, $"  runs with capacity taken     {RunsWithCapacityTaken,7}");
        text.AppendLine("Faults that hit a step attempt:");
        foreach (var (kind, count) in FaultsInjected.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.AppendLine(c, $"  {kind,-28} {count,7}");
        }

        text.AppendLine("Failures, by error:");
        foreach (var (error, count) in Failures)
        {
            text.AppendLine(c, $"  {error,-40} {count,7}");
        }

        text.AppendLine(c, $"State transitions per run: {Describe(StateTransitions)}");
        text.AppendLine("States entered:");
        foreach (var (state, count) in StatesEntered.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            text.AppendLine(c, $"  {state,-28} {count,7}");
        }

        text.AppendLine(c, $"API calls per run: {Describe(ApiCallsPerRun)}");
        text.AppendLine("API calls:");
        foreach (var (operation, count) in ApiCalls.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal))
        {
            text.AppendLine(c, $"  {operation,-40} {count,7}");
        }

        text.AppendLine(c, $"Virtual seconds per run: {Describe(VirtualSeconds)}");
        text.AppendLine(c, $"Wall time: {WallSeconds:0.##} s");
        foreach (var problem in Problems)
        {
            text.AppendLine(c, $"PROBLEM run {problem.Run} ({problem.ProvisioningId}, {problem.Example}): {problem.Status} {problem.Error}; "
                + $"duplicates [{string.Join(", ", problem.Duplicates.Select(d => $"{d.Key}+{d.Value}"))}], "
                + $"leaked [{string.Join(", ", problem.Leaked)}], missing [{string.Join(", ", problem.Missing.Select(m => $"{m.Key}-{m.Value}"))}]");
        }

        return text.ToString();
    }

    private static string Describe(Distribution d) =>
        string.Create(CultureInfo.InvariantCulture, $"min {d.Min:0.#}, p50 {d.P50:0.#}, p90 {d.P90:0.#}, p99 {d.P99:0.#}, max {d.Max:0.#}, mean {d.Mean:0.##}");

    private static Dictionary<string, int> Sum(IEnumerable<IReadOnlyDictionary<string, int>> counts)
    {
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in counts.SelectMany(c => c))
        {
            total[key] = total.GetValueOrDefault(key) + value;
        }

        return total.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
    }
}
