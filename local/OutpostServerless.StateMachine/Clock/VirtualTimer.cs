namespace OutpostServerless.StateMachine.Clock;

/// <summary>An <see cref="ITimer"/> on virtual time: it fires when the clock passes its due time.</summary>
internal sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
{
    /// <summary>Guarded by the clock's lock.</summary>
    public TimerWake? Scheduled { get; set; }

    /// <summary>Guarded by the clock's lock.</summary>
    public TimeSpan Period { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>Guarded by the clock's lock.</summary>
    public bool Disposed { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period) => clock.ChangeTimer(this, dueTime, period);

    public void Dispose() => clock.DisposeTimer(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Fire(TimerWake wake)
    {
        callback(state);
        clock.Rearm(this, wake);
    }

    public void FireNow() => callback(state);
}
