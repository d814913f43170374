using OutpostServerless.StateMachine.Clock;

namespace OutpostServerless.StateMachine.Tasks;

/// <summary>
/// Fires once a task attempt's deadline passes. The deadline may move (a SendTaskHeartbeat pushes the
/// heartbeat limit out), so when the timer fires the watchdog asks again and re-arms if it moved.
/// </summary>
internal sealed class TaskWatchdog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Timeline _timeline;
    private readonly Func<TaskDeadline?> _deadline;
    private readonly Action<TaskDeadline> _expire;
    private IDisposable? _timer;
    private bool _disposed;

    public TaskWatchdog(Timeline timeline, Func<TaskDeadline?> deadline, Action<TaskDeadline> expire)
    {
        _timeline = timeline;
        _deadline = deadline;
        _expire = expire;
        Arm();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Arm()
    {
        TaskDeadline? expired = null;
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            if (_disposed || _deadline() is not { } next)
            {
                return;
            }

            var now = _timeline.Now;
            if (next.Due <= now)
            {
                expired = next;
            }
            else
            {
                _timer = _timeline.StartDeadline(next.Due - now, Arm);
            }
        }

        if (expired is { } due)
        {
            _expire(due);
        }
    }
}
