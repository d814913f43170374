namespace OutpostServerless.StateMachine.Clock;

/// <summary>The next firing of a <see cref="VirtualTimer"/>.</summary>
internal sealed class TimerWake(VirtualTimer timer) : ScheduledWake
{
    public VirtualTimer Timer { get; } = timer;

    public override bool DrivesTime => false;

    public override void OnRemoved()
    {
        if (ReferenceEquals(Timer.Scheduled, this))
        {
            Timer.Scheduled = null;
        }
    }

    public override void Fire() => Timer.Fire(this);
}
