namespace OutpostServerless.StateMachine.Clock;

/// <summary>
/// A strand parked until a signal from outside the clock (a task token's callback or heartbeat), a time
/// limit, or cancellation — whichever comes first wakes it, once. The limit drives time like a delay; with
/// no limit the strand waits without moving time.
/// </summary>
internal sealed class SignalWait
{
    private readonly VirtualClock _clock;
    private int _woken;

    public SignalWait(VirtualClock clock, ClockStrand strand)
    {
        _clock = clock;
        Wakeup = new StrandWakeup(strand);
    }

    public StrandWakeup Wakeup { get; }

    /// <summary>Set before the wait is visible to anyone else.</summary>
    public LimitWake? Limit { get; set; }

    public CancellationTokenRegistration Registration { get; set; }

    public void OnSignal()
    {
        // Once the limit is off the agenda it has fired (or is firing) and wakes the strand itself.
        if (Limit is null || _clock.TryRemove(Limit))
        {
            Wake(cancelledBy: null);
        }
    }

    public void OnCancel(CancellationToken token)
    {
        if (Limit is null || _clock.TryRemove(Limit))
        {
            Wake(token);
        }
    }

    private void Wake(CancellationToken? cancelledBy)
    {
        if (Interlocked.Exchange(ref _woken, 1) != 0)
        {
            return;
        }

        Registration.Unregister();
        if (cancelledBy is { } token)
        {
            Wakeup.CancelWith(token);
        }

        _clock.MakeReady(Wakeup);
    }

    /// <summary>The time limit of a <see cref="SignalWait"/>.</summary>
    internal sealed class LimitWake(SignalWait wait) : ScheduledWake
    {
        public override bool DrivesTime => true;

        public override void Fire() => wait.Wake(cancelledBy: null);
    }
}
