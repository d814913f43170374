using System.Text.Json.Nodes;
using OutpostServerless.Emulator;
using OutpostServerless.Local.Workflow;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Chaos.Lifecycle;

/// <summary>
/// <c>chaos --lifecycle</c>: sequences of creates, updates, re-runs and teardowns over several provisionings
/// sharing one Outpost, every step attempt under the seeded <see cref="InvocationFault"/>s (crashes after a
/// committed call included), each sequence on its own world. After every execution it checks what exists:
/// no duplicate, no leak, nothing of a previously working state deleted by a failed execution, and no other
/// provisioning touched.
/// </summary>
public sealed class LifecycleRunner(LocalWorkflow provision, LocalWorkflow teardown, IReadOnlyList<KeyValuePair<string, JsonObject>> examples)
{
    /// <summary>Resource types a provisioning holds at most one of at any moment (what client tokens and names keep single).</summary>
    private static readonly string[] Singletons = ["vpc", "subnet", "security-group", "role", "instance-profile", "cluster", "service"];

    /// <summary>
    /// Types left out of the cross-checks: batch tasks end on their own as time passes (their job, not a deletion),
    /// and an image update keeps the previous task definition revision ACTIVE as the rollback target.
    /// </summary>
    private static readonly string[] Transient = ["task"];
    private static readonly string[] Revisions = ["task-definition"];

    /// <summary>
    /// The time between two operations of a sequence: a platform team's changes are minutes apart, and by then
    /// AWS has finished what it does asynchronously (instances terminated after a scale-in).
    /// </summary>
    private static readonly TimeSpan BetweenOperations = TimeSpan.FromMinutes(10);

    /// <param name="progress">Called after each sequence with the number finished so far.</param>
    public async Task<LifecycleReport> RunAsync(ChaosSettings settings, Action<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var results = new LifecycleSequenceResult[settings.Runs];
        var finished = 0;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, settings.Runs),
            new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
            async (number, token) =>
            {
                results[number] = await RunSequenceAsync(new LifecycleSequence(settings.Seed, number, examples), settings.FaultRate, token);
                progress?.Invoke(Interlocked.Increment(ref finished));
            });
        return LifecycleReport.From(settings, results, wall.Elapsed);
    }

    public async Task<LifecycleSequenceResult> RunSequenceAsync(LifecycleSequence sequence, double rate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var (cloud, clock) = LocalWorkflow.NewWorld();
        var faultSeeds = new Random(sequence.FaultSeed);
        var result = new LifecycleSequenceResult(sequence.Number);
        for (var step = 0; step < LifecycleSequence.Operations; step++)
        {
            var operation = sequence.Next();
            var before = Inventories(cloud, sequence);
            var resourcesBefore = cloud.Resources().Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var peaks = new InventoryPeaks(cloud, operation.ProvisioningId);
            ChaosInvoker? chaos = null;
            var workflow = operation.Action == LifecycleAction.Teardown ? teardown : provision;
            var execution = await workflow.ExecuteAsync(new LocalExecution
            {
                Cloud = cloud,
                Clock = clock,
                Request = operation.Request,
                ExecutionName = $"{operation.ProvisioningId}-{step}",
                Jitter = new Random(faultSeeds.Next()),
                WrapInvoker = inner => chaos = new ChaosInvoker(inner, cloud, new Random(faultSeeds.Next()), rate, peaks.Sample),
            }, cancellationToken);
            peaks.Sample();
            clock.Advance(BetweenOperations);

            var judged = Judge(sequence, operation, step, execution, before, Inventories(cloud, sequence), cloud, resourcesBefore, peaks);
            result.Add(operation, execution, chaos!.Injected, judged);
            if (execution.Status == ExecutionStatus.Succeeded)
            {
                sequence.Succeeded(operation);
            }
        }

        return result;
    }

    private static Dictionary<string, HashSet<(string Type, string Id)>> Inventories(EmulatedCloud cloud, LifecycleSequence sequence) =>
        sequence.ProvisioningIds.ToDictionary(
            id => id,
            id => cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, id).Select(r => (r.Type, r.Id)).ToHashSet(),
            StringComparer.Ordinal);

    private static List<LifecycleProblem> Judge(
        LifecycleSequence sequence,
        LifecycleOperation operation,
        int step,
        ExecutionResult execution,
        Dictionary<string, HashSet<(string Type, string Id)>> before,
        Dictionary<string, HashSet<(string Type, string Id)>> after,
        EmulatedCloud cloud,
        HashSet<string> resourcesBefore,
        InventoryPeaks peaks)
    {
        var problems = new List<LifecycleProblem>();
        void Problem(LifecycleProblemKind kind, int count, string what)
        {
            if (count > 0)
            {
                problems.Add(new LifecycleProblem(sequence.Number, step, operation.ProvisioningId, operation.Action, operation.Change, execution.Status, execution.Error, kind, count, what));
            }
        }

        var id = operation.ProvisioningId;
        foreach (var other in sequence.ProvisioningIds.Where(o => o != id))
        {
            var changed = before[other].Except(after[other]).Concat(after[other].Except(before[other])).Where(r => !Transient.Contains(r.Type)).ToList();
            Problem(LifecycleProblemKind.OtherProvisioningTouched, changed.Count, $"{other}: {Describe(changed)}");
        }

        var ours = sequence.ProvisioningIds.ToHashSet(StringComparer.Ordinal);
        var strays = cloud.Resources()
            .Where(r => !resourcesBefore.Contains(r.Id) && !ours.Contains(r.Tags.GetValueOrDefault(ProvisioningTags.ProvisioningIdKey, "")))
            .Select(r => (r.Type, r.Id)).ToList();
        Problem(LifecycleProblemKind.Leak, strays.Count, $"made without the provisioning tag: {Describe(strays)}");

        var singletons = Singletons.Where(t => peaks.Peaks.GetValueOrDefault(t) > 1).ToList();
        Problem(LifecycleProblemKind.Duplicate, singletons.Sum(t => peaks.Peaks[t] - 1), $"more than one at once: {string.Join(", ", singletons.Select(t => $"{t} ×{peaks.Peaks[t]}"))}");

        var succeeded = execution.Status == ExecutionStatus.Succeeded;
        if (operation.Action == LifecycleAction.Teardown)
        {
            if (succeeded)
            {
                Problem(LifecycleProblemKind.Leak, after[id].Count, $"left by a teardown: {Describe(after[id])}");
            }

            return problems;
        }

        if (succeeded)
        {
            var expected = ExpectedInventory.For(operation.Request, id);
            var counts = after[id].GroupBy(r => r.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var extra = counts.Where(c => c.Value > expected.Of(c.Key) && !Revisions.Contains(c.Key) && !Transient.Contains(c.Key)).ToList();
            Problem(LifecycleProblemKind.Duplicate, extra.Sum(e => e.Value - expected.Of(e.Key)), $"beyond the request after it succeeded: {string.Join(", ", extra.Select(e => $"{e.Key} {e.Value}/{expected.Of(e.Key)}"))}");
            var missing = expected.Counts.Where(e => counts.GetValueOrDefault(e.Key) < e.Value && !Transient.Contains(e.Key)).ToList();
            Problem(LifecycleProblemKind.Incomplete, missing.Sum(m => m.Value - counts.GetValueOrDefault(m.Key)), $"missing after it succeeded: {string.Join(", ", missing.Select(m => $"{m.Key} {counts.GetValueOrDefault(m.Key)}/{m.Value}"))}");
            return problems;
        }

        if (sequence.Working(id) is null)
        {
            // A failed first creation rolls back everything it made.
            Problem(LifecycleProblemKind.Leak, after[id].Count, $"left by a failed creation: {Describe(after[id])}");
            return problems;
        }

        var destroyed = before[id].Except(after[id]).Where(r => !Transient.Contains(r.Type)).ToList();
        Problem(LifecycleProblemKind.WorkingStateDestroyed, destroyed.Count, $"of the working state, deleted by a failed {operation.Action.ToString().ToLowerInvariant()}: {Describe(destroyed)}");
        var left = after[id].Except(before[id]).Where(r => !Revisions.Contains(r.Type)).ToList();
        Problem(LifecycleProblemKind.Leak, left.Count, $"made by a failed {operation.Action.ToString().ToLowerInvariant()} and left: {Describe(left)}");
        return problems;
    }

    private static string Describe(IEnumerable<(string Type, string Id)> resources) =>
        string.Join(", ", resources.Take(6).Select(r => $"{r.Type} {r.Id}"));
}
