using System.Globalization;
using System.Text.Json;
using System.Text;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Chaos.Lifecycle;

/// <summary>
/// What N lifecycle sequences came to. <see cref="Duplicates"/>, <see cref="Leaks"/>,
/// <see cref="WorkingStateDestroyed"/> and <see cref="OtherProvisioningsTouched"/> count resources: 0 is the only acceptable figure.
/// </summary>
public sealed record LifecycleReport
{
    public required int Sequences { get; init; }
    public required int Provisionings { get; init; }
    public required int Executions { get; init; }
    public required long Seed { get; init; }
    public required double FaultRate { get; init; }
    /// <summary>Executions by action and outcome, e.g. <c>["update"]["FAILED"] = 3</c>.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Outcomes { get; init; }
    public required IReadOnlyDictionary<string, int> FaultsInjected { get; init; }
    /// <summary>Why the failed executions failed, by error name.</summary>
    public required IReadOnlyDictionary<string, int> Failures { get; init; }
    public required int Duplicates { get; init; }
    public required int Leaks { get; init; }
    public required int WorkingStateDestroyed { get; init; }
    public required int OtherProvisioningsTouched { get; init; }
    public required int Incomplete { get; init; }
    public required double WallSeconds { get; init; }
    /// <summary>The first findings (at most 20), to start debugging from.</summary>
    public required IReadOnlyList<LifecycleProblem> Problems { get; init; }

    public bool Clean => Duplicates == 0 && Leaks == 0 && WorkingStateDestroyed == 0 && OtherProvisioningsTouched == 0 && Incomplete == 0;

    public static LifecycleReport From(ChaosSettings settings, IReadOnlyList<LifecycleSequenceResult> results, TimeSpan wall)
    {
        var executions = results.SelectMany(r => r.Executions).ToList();
        var problems = results.SelectMany(r => r.Problems).ToList();
        int Total(LifecycleProblemKind kind) => problems.Where(p => p.Kind == kind).Sum(p => p.Count);
        return new LifecycleReport
        {
            Sequences = results.Count,
            Provisionings = results.Count * LifecycleSequence.Provisionings,
            Executions = executions.Count,
            Seed = settings.Seed,
            FaultRate = settings.FaultRate,
            Outcomes = executions.GroupBy(e => e.Action.ToString().ToLowerInvariant(), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.GroupBy(e => e.Status, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Count(), StringComparer.Ordinal), StringComparer.Ordinal),
            FaultsInjected = results.SelectMany(r => r.Faults).GroupBy(f => f.Key.ToString(), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(f => f.Value), StringComparer.Ordinal),
            Failures = executions.Where(e => e.Status != ExecutionStatus.Succeeded).GroupBy(e => e.Error ?? e.Status, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            Duplicates = Total(LifecycleProblemKind.Duplicate),
            Leaks = Total(LifecycleProblemKind.Leak),
            WorkingStateDestroyed = Total(LifecycleProblemKind.WorkingStateDestroyed),
            OtherProvisioningsTouched = Total(LifecycleProblemKind.OtherProvisioningTouched),
            Incomplete = Total(LifecycleProblemKind.Incomplete),
            WallSeconds = Math.Round(wall.TotalSeconds, 2),
            Problems = [.. problems.Take(20)],
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, ChaosJsonContext.Default.LifecycleReport);

    public string ToText()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"{Sequences} lifecycle sequences ({Provisionings} provisionings, {Executions} executions) at fault rate {FaultRate}, seed {Seed}, in {WallSeconds} s");
        foreach (var (action, outcomes) in Outcomes)
        {
            text.AppendLine(c, $"  {action}: {string.Join(", ", outcomes.Select(o => $"{o.Value} {o.Key}"))}");
        }

        text.AppendLine(c, $"  faults injected: {string.Join(", ", FaultsInjected.Select(f => $"{f.Key} {f.Value}"))}");
        text.AppendLine(c, $"  failures: {(Failures.Count == 0 ? "none" : string.Join(", ", Failures.Select(f => $"{f.Key} {f.Value}")))}");
        text.AppendLine(c, $"duplicates {Duplicates}, leaks {Leaks}, working-state resources destroyed by failed executions {WorkingStateDestroyed}, other provisionings touched {OtherProvisioningsTouched}, incomplete {Incomplete}");
        foreach (var problem in Problems)
        {
            text.AppendLine(c, $"  sequence {problem.Sequence} step {problem.Step} {problem.Action} {problem.ProvisioningId} {problem.Change} → {problem.Status} {problem.Error}: {problem.Kind} {problem.Count}: {problem.What}");
        }

        return text.ToString();
    }
}
