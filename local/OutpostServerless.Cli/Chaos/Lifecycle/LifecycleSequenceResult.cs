using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Chaos.Lifecycle;

/// <summary>What one sequence's executions came to, and what the checks found.</summary>
public sealed class LifecycleSequenceResult(int number)
{
    private readonly List<(LifecycleAction Action, string Status, string? Error)> executions = [];
    private readonly Dictionary<InvocationFault, int> faults = [];
    private readonly List<LifecycleProblem> problems = [];

    public int Number => number;

    public IReadOnlyList<(LifecycleAction Action, string Status, string? Error)> Executions => executions;

    public IReadOnlyDictionary<InvocationFault, int> Faults => faults;

    public IReadOnlyList<LifecycleProblem> Problems => problems;

    public void Add(LifecycleOperation operation, ExecutionResult execution, IReadOnlyDictionary<InvocationFault, int> injected, IEnumerable<LifecycleProblem> found)
    {
        executions.Add((operation.Action, execution.Status, execution.Error));
        foreach (var (kind, count) in injected)
        {
            faults[kind] = faults.GetValueOrDefault(kind) + count;
        }

        problems.AddRange(found);
    }
}
