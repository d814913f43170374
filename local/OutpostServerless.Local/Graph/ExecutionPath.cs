using System.Text.Json.Nodes;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.Graph;

/// <summary>
/// The path an execution took, read from its history: for each state it entered, how it fared on its last visit,
/// how many retries it took in all, and what its last visit got, returned or failed with. States inside a Parallel
/// or Map count like the others.
/// </summary>
public sealed class ExecutionPath
{
    private static readonly HashSet<string> Attempts = new(StringComparer.Ordinal) { "TaskScheduled", "LambdaFunctionScheduled", "ActivityScheduled" };

    private static readonly HashSet<string> AttemptFailures = new(StringComparer.Ordinal)
    {
        "TaskFailed", "TaskTimedOut", "TaskStartFailed", "TaskSubmitFailed", "LambdaFunctionFailed", "LambdaFunctionTimedOut",
        "LambdaFunctionStartFailed", "LambdaFunctionScheduleFailed", "ActivityFailed", "ActivityTimedOut", "ActivityScheduleFailed",
    };

    // A Parallel or Map attempt: started, and failed when a branch or iteration failed (Retry and Catch apply to it whole).
    private static readonly HashSet<string> BranchAttempts = new(StringComparer.Ordinal) { "ParallelStateStarted", "MapStateStarted" };

    private static readonly HashSet<string> BranchFailures = new(StringComparer.Ordinal) { "ParallelStateFailed", "MapStateFailed" };

    private readonly Dictionary<string, StateVisit> states;
    private readonly List<string> order;

    private ExecutionPath(Dictionary<string, StateVisit> states, List<string> order)
    {
        this.states = states;
        this.order = order;
    }

    public static ExecutionPath None { get; } = new([], []);

    /// <summary>Every state entered, in the order first entered.</summary>
    public IReadOnlyList<StateVisit> Visits => [.. order.Select(name => states[name])];

    /// <param name="status">The execution's status: RUNNING leaves an open state Waiting, anything else Failed.</param>
    public static ExecutionPath Of(IReadOnlyList<HistoryEvent> history, string status)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Of(history.Select(PathEvent.Of), status);
    }

    /// <summary>The path of an execution whose history was kept as GetExecutionHistory entries (a state file's).</summary>
    public static ExecutionPath OfEntries(IReadOnlyList<JsonObject> history, string status)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Of(history.Select(PathEvent.Of), status);
    }

    private static ExecutionPath Of(IEnumerable<PathEvent> history, string status)
    {
        var states = new Dictionary<string, StateVisit>(StringComparer.Ordinal);
        var order = new List<string>();
        var attempts = new Dictionary<string, (int Attempts, int Failures)>(StringComparer.Ordinal);
        var open = new List<(string Name, bool HasBranches)>();

        void Close(string name, StateOutcome? forced, PathEvent? exit)
        {
            var (tried, failed) = attempts.GetValueOrDefault(name);
            var outcome = forced ?? (failed == 0 ? StateOutcome.Succeeded : failed < tried ? StateOutcome.Retried : StateOutcome.Caught);
            states[name] = states[name] with
            {
                Outcome = outcome,
                Retries = states[name].Retries + Math.Max(0, tried - 1),
                ExitedAt = exit?.Timestamp,
                Output = exit?.Text("output"),
            };
        }

        foreach (var written in history)
        {
            if (written.Type.EndsWith("StateEntered", StringComparison.Ordinal) && written.StateName is { } entered)
            {
                if (!states.TryGetValue(entered, out var earlier))
                {
                    order.Add(entered);
                }

                states[entered] = new StateVisit(entered, StateOutcome.Waiting, earlier?.Retries ?? 0, (earlier?.Visits ?? 0) + 1, written.Timestamp, null, written.Text("input"), null, null, null);
                attempts[entered] = (0, 0);
                open.Add((entered, written.Type is "ParallelStateEntered" or "MapStateEntered"));
            }
            else if (written.Type.EndsWith("StateExited", StringComparison.Ordinal) && written.StateName is { } exited && open.FindLastIndex(o => o.Name == exited) is var at and >= 0)
            {
                // States left open inside it (none, as a failed branch closes them) ended with it.
                foreach (var (inner, _) in open.Skip(at + 1))
                {
                    Close(inner, StateOutcome.Failed, null);
                }

                open.RemoveRange(at, open.Count - at);
                Close(exited, null, written);
            }
            else if (open.Count > 0 && (Attempts.Contains(written.Type) || AttemptFailures.Contains(written.Type) || BranchAttempts.Contains(written.Type) || BranchFailures.Contains(written.Type)))
            {
                // Task events carry no state name: they belong to the innermost state entered and not yet left; a
                // Parallel's or Map's to the innermost Parallel or Map.
                var branches = BranchAttempts.Contains(written.Type) || BranchFailures.Contains(written.Type);
                var owner = branches ? open.LastOrDefault(o => o.HasBranches).Name : open[^1].Name;
                if (owner is null)
                {
                    continue;
                }

                if (BranchFailures.Contains(written.Type))
                {
                    // The states the failed branch or iteration left open ended with it.
                    var ownerAt = open.FindLastIndex(o => o.Name == owner);
                    foreach (var (inner, _) in open.Skip(ownerAt + 1))
                    {
                        Close(inner, StateOutcome.Failed, null);
                    }

                    open.RemoveRange(ownerAt + 1, open.Count - ownerAt - 1);
                }

                var (tried, failed) = attempts.GetValueOrDefault(owner);
                var isAttempt = Attempts.Contains(written.Type) || BranchAttempts.Contains(written.Type);
                attempts[owner] = isAttempt ? (tried + 1, failed) : (tried, failed + 1);
                if (!isAttempt)
                {
                    // A Parallel or Map fails with the error of its failed branch or iteration, which its own event may not repeat.
                    var inner = order.Select(n => states[n]).LastOrDefault(v => v.Name != owner && v.Error is not null && v.EnteredAt >= states[owner].EnteredAt);
                    var failure = written.Error is null && branches && inner is not null ? (Error: inner.Error, Cause: inner.Cause) : (Error: written.Error, Cause: written.Text("cause"));
                    states[owner] = states[owner] with { Error = failure.Error, Cause = failure.Cause };
                }
            }
            else if (written.Error is { } error && open.Count > 0)
            {
                // The execution failed, timed out or was aborted in the innermost state still open.
                var (name, _) = open[^1];
                states[name] = states[name] with { Error = error, Cause = written.Text("cause") };
            }
        }

        foreach (var (name, _) in open)
        {
            var (tried, _) = attempts.GetValueOrDefault(name);
            states[name] = states[name] with
            {
                Outcome = status == ExecutionStatus.Running ? StateOutcome.Waiting : StateOutcome.Failed,
                Retries = states[name].Retries + Math.Max(0, tried - 1),
            };
        }

        return new ExecutionPath(states, order);
    }

    public StateOutcome OutcomeOf(string state) => states.TryGetValue(state, out var found) ? found.Outcome : StateOutcome.NotRun;

    public int RetriesOf(string state) => states.TryGetValue(state, out var found) ? found.Retries : 0;

}
