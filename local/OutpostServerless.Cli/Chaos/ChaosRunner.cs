using System.Text.Json.Nodes;
using OutpostServerless.Emulator;
using OutpostServerless.Local.Workflow;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Chaos;

/// <summary>
/// Runs provisionings under chaos, each on its own emulated world and virtual clock, and judges each
/// by what exists afterwards. Runs are independent and seeded, so they may run in parallel and still
/// give the same report for the same seed.
/// </summary>
public sealed class ChaosRunner(LocalWorkflow workflow, IReadOnlyList<KeyValuePair<string, JsonObject>> examples)
{
    /// <param name="progress">Called after each run with the number finished so far.</param>
    public async Task<ChaosReport> RunAsync(ChaosSettings settings, Action<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var results = new ChaosRunResult[settings.Runs];
        var finished = 0;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, settings.Runs),
            new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
            async (run, token) =>
            {
                var scenario = ChaosScenario.For(settings.Seed, run, settings.FaultRate, examples);
                results[run] = await RunOneAsync(scenario, settings.FaultRate, token);
                progress?.Invoke(Interlocked.Increment(ref finished));
            });
        return ChaosReport.From(settings, results, wall.Elapsed);
    }

    /// <summary>One provisioning on a fresh world shaped by <paramref name="scenario"/>, with step attempts faulted at <paramref name="rate"/>.</summary>
    public async Task<ChaosRunResult> RunOneAsync(ChaosScenario scenario, double rate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var clock = new VirtualClock(LocalWorkflow.DefaultStart);
        var cloud = new EmulatedCloud(clock);
        var before = cloud.Resources().Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        scenario.ShapeWorld(cloud);
        var expected = ExpectedInventory.For(scenario.Request, scenario.ProvisioningId);
        var peaks = new InventoryPeaks(cloud, scenario.ProvisioningId);
        ChaosInvoker? chaos = null;

        var execution = await workflow.ExecuteAsync(new LocalExecution
        {
            Cloud = cloud,
            Clock = clock,
            Request = scenario.Request,
            ExecutionName = scenario.ProvisioningId,
            Jitter = new Random(scenario.JitterSeed),
            WrapInvoker = inner => chaos = new ChaosInvoker(inner, cloud, new Random(scenario.FaultSeed), rate, peaks.Sample),
        }, cancellationToken);
        peaks.Sample();

        return Judge(scenario, execution, cloud, before, expected, peaks, chaos!.Injected);
    }

    private static ChaosRunResult Judge(
        ChaosScenario scenario,
        ExecutionResult execution,
        EmulatedCloud cloud,
        HashSet<string> before,
        ExpectedInventory expected,
        InventoryPeaks peaks,
        IReadOnlyDictionary<InvocationFault, int> faults)
    {
        var ours = cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, scenario.ProvisioningId);
        var untagged = cloud.Resources()
            .Where(r => !before.Contains(r.Id) && r.Tags.GetValueOrDefault(ProvisioningTags.ProvisioningIdKey) != scenario.ProvisioningId)
            .ToList();
        var succeeded = execution.Status == ExecutionStatus.Succeeded;
        var leaked = succeeded ? untagged : [.. ours, .. untagged];
        var missing = succeeded
            ? expected.Counts
                .Select(e => (Type: e.Key, Short: e.Value - ours.Count(r => r.Type == e.Key)))
                .Where(m => m.Short > 0)
                .ToDictionary(m => m.Type, m => m.Short, StringComparer.Ordinal)
            : [];

        return new ChaosRunResult
        {
            Scenario = scenario,
            Status = execution.Status,
            Error = execution.Error,
            Cause = execution.Cause,
            StateTransitions = execution.StateTransitions,
            StatesEntered = execution.History
                .Where(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal) && e.StateName is not null)
                .GroupBy(e => e.StateName!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            ApiCalls = cloud.Calls.Counts,
            Faults = new Dictionary<InvocationFault, int>(faults),
            Duplicates = peaks.Beyond(expected),
            Leaked = leaked,
            Missing = missing,
            VirtualSeconds = execution.Duration.TotalSeconds,
        };
    }
}
