using OutpostServerless.StateMachine.Clock;
using OutpostServerless.StateMachine.History;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Tasks;

namespace OutpostServerless.StateMachine.Execution;

/// <summary>Everything one execution shares across its states, branches and iterations.</summary>
internal sealed class ExecutionRun(
    Timeline timeline,
    ITaskInvoker invoker,
    ExecutionHistory history,
    ExecutionIdentity identity,
    Random random,
    string region,
    TaskCallbacks callbacks)
{
    private int _stateTransitions;

    public Timeline Timeline { get; } = timeline;

    public ITaskInvoker Invoker { get; } = invoker;

    public ExecutionHistory History { get; } = history;

    public ExecutionIdentity Identity { get; } = identity;

    public Random Random { get; } = random;

    /// <summary>The Region service integrations report in TaskScheduled events.</summary>
    public string Region { get; } = region;

    /// <summary>The task tokens of the runner this execution belongs to.</summary>
    public TaskCallbacks Callbacks { get; } = callbacks;

    /// <summary>Set when TestState runs one state: it watches the data flow, and the state runs one attempt.</summary>
    public StateInspector? Inspector { get; init; }

    public int StateTransitions => Volatile.Read(ref _stateTransitions);

    /// <summary>AWS bills one transition per state entered and one more per retry.</summary>
    public void CountTransition() => Interlocked.Increment(ref _stateTransitions);
}
