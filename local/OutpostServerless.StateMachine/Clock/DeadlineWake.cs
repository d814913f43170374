namespace OutpostServerless.StateMachine.Clock;

/// <summary>
/// A deadline on the virtual clock (a task's or the execution's TimeoutSeconds): unlike a plain timer it
/// drives time, so a strand parked on something outside the clock (a task token) still meets it. It fires
/// while the dispatcher holds the run token, so its callback never races a strand.
/// </summary>
internal sealed class DeadlineWake(VirtualClock clock, Action onDue) : ScheduledWake, IDisposable
{
    public override bool DrivesTime => true;

    public override void Fire() => onDue();

    public void Dispose() => clock.TryRemove(this);
}
