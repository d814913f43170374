namespace OutpostServerless.StateMachine.Clock;

/// <summary>A delay someone waits on: a parked strand (which gets the run token back) or a free waiter.</summary>
internal sealed class DelayWake(VirtualClock clock, ClockStrand? strand) : ScheduledWake
{
    private readonly TaskCompletionSource _free = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StrandWakeup? Wakeup { get; } = strand is null ? null : new StrandWakeup(strand);

    public CancellationTokenRegistration Registration { get; set; }

    public Task Task => Wakeup?.Signal ?? _free.Task;

    public override bool DrivesTime => true;

    public override void Fire()
    {
        Registration.Unregister();
        if (Wakeup is not null)
        {
            clock.MakeReady(Wakeup);
        }
        else
        {
            _free.TrySetResult();
        }
    }

    /// <summary>The waiter's token was cancelled before the delay ran out.</summary>
    public void Cancel(CancellationToken token)
    {
        if (!clock.TryRemove(this))
        {
            return;
        }

        if (Wakeup is not null)
        {
            Wakeup.CancelWith(token);
            clock.MakeReady(Wakeup);
        }
        else
        {
            _free.TrySetCanceled(token);
        }
    }
}
