namespace OutpostServerless.StateMachine.Tasks;

/// <summary>
/// The open callback of one <c>.waitForTaskToken</c> task attempt: the outcome SendTaskSuccess or
/// SendTaskFailure delivered, when the last heartbeat came, and a signal that fires on each of these.
/// </summary>
internal sealed class TaskCallback(string token, DateTimeOffset started)
{
    private readonly Lock _gate = new();

    // Not RunContinuationsAsynchronously: a waiting strand must be queued before the sender carries on.
    private TaskCompletionSource _signal = new();
    private TaskOutcome? _outcome;
    private bool _closed;
    private DateTimeOffset _lastHeartbeat = started;

    public string Token { get; } = token;

    /// <summary>Completes at the next delivery or heartbeat.</summary>
    public Task Signal
    {
        get
        {
            lock (_gate)
            {
                return _signal.Task;
            }
        }
    }

    public TaskOutcome? Outcome
    {
        get
        {
            lock (_gate)
            {
                return _outcome;
            }
        }
    }

    public DateTimeOffset LastHeartbeat
    {
        get
        {
            lock (_gate)
            {
                return _lastHeartbeat;
            }
        }
    }

    /// <summary>False once an outcome was delivered or the task closed (AWS then answers TaskTimedOut).</summary>
    public bool TryDeliver(TaskOutcome outcome) => Touch(now: null, outcome);

    public bool TryHeartbeat(DateTimeOffset now) => Touch(now, outcome: null);

    /// <summary>The task attempt ended; later calls with the token are refused.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
        }
    }

    private bool Touch(DateTimeOffset? now, TaskOutcome? outcome)
    {
        TaskCompletionSource fired;
        lock (_gate)
        {
            if (_closed || _outcome is not null)
            {
                return false;
            }

            if (outcome is not null)
            {
                _outcome = outcome;
            }

            if (now is { } at)
            {
                _lastHeartbeat = at;
            }

            fired = _signal;
            _signal = new TaskCompletionSource();
        }

        fired.TrySetResult();
        return true;
    }
}
