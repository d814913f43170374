using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Graph;

/// <summary>
/// The path an execution took, read from its history: for each state it entered, how it fared on its last visit
/// and how many retries it took in all. States inside a Parallel or Map count like the others.
/// </summary>
public sealed class ExecutionPath
{
    private static readonly HashSet<string> Attempts = new(StringComparer.Ordinal) { "TaskScheduled", "LambdaFunctionScheduled", "ActivityScheduled" };

    private static readonly HashSet<string> AttemptFailures = new(StringComparer.Ordinal)
    {
        "TaskFailed", "TaskTimedOut", "TaskStartFailed", "TaskSubmitFailed", "LambdaFunctionFailed", "LambdaFunctionTimedOut",
        "LambdaFunctionStartFailed", "LambdaFunctionScheduleFailed", "ActivityFailed", "ActivityTimedOut", "ActivityScheduleFailed",
    };

    private readonly Dictionary<string, (StateOutcome Outcome, int Retries)> states;

    private ExecutionPath(Dictionary<string, (StateOutcome Outcome, int Retries)> states) => this.states = states;

    public static ExecutionPath None { get; } = new([]);

    /// <param name="status">The execution's status: RUNNING leaves an open state Waiting, anything else Failed.</param>
    public static ExecutionPath Of(IReadOnlyList<HistoryEvent> history, string status)
    {
        ArgumentNullException.ThrowIfNull(history);
        var states = new Dictionary<string, (StateOutcome Outcome, int Retries)>(StringComparer.Ordinal);
        var visits = new Dictionary<string, (int Attempts, int Failures)>(StringComparer.Ordinal);
        var open = new List<string>();
        foreach (var written in history)
        {
            if (written.Type.EndsWith("StateEntered", StringComparison.Ordinal) && written.StateName is { } entered)
            {
                open.Add(entered);
                visits[entered] = (0, 0);
            }
            else if (written.Type.EndsWith("StateExited", StringComparison.Ordinal) && written.StateName is { } exited)
            {
                open.Remove(exited);
                var (attempts, failures) = visits.GetValueOrDefault(exited);
                var retries = states.GetValueOrDefault(exited).Retries + Math.Max(0, attempts - 1);
                var outcome = failures == 0 ? StateOutcome.Succeeded : failures < attempts ? StateOutcome.Retried : StateOutcome.Caught;
                states[exited] = (outcome, retries);
            }
            else if (open.Count > 0 && (Attempts.Contains(written.Type) || AttemptFailures.Contains(written.Type)))
            {
                // Task events carry no state name: they belong to the innermost state entered and not yet left.
                var state = open[^1];
                var (attempts, failures) = visits.GetValueOrDefault(state);
                visits[state] = Attempts.Contains(written.Type) ? (attempts + 1, failures) : (attempts, failures + 1);
            }
        }

        foreach (var state in open)
        {
            var (attempts, _) = visits.GetValueOrDefault(state);
            states[state] = (status == ExecutionStatus.Running ? StateOutcome.Waiting : StateOutcome.Failed, states.GetValueOrDefault(state).Retries + Math.Max(0, attempts - 1));
        }

        return new ExecutionPath(states);
    }

    public StateOutcome OutcomeOf(string state) => states.TryGetValue(state, out var found) ? found.Outcome : StateOutcome.NotRun;

    public int RetriesOf(string state) => states.TryGetValue(state, out var found) ? found.Retries : 0;
}
