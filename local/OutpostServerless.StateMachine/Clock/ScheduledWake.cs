namespace OutpostServerless.StateMachine.Clock;

/// <summary>Something on the clock's agenda, due at a virtual instant; ties break by scheduling order.</summary>
internal abstract class ScheduledWake
{
    public static readonly IComparer<ScheduledWake> Order = Comparer<ScheduledWake>.Create((a, b) =>
    {
        var byDue = a.Due.CompareTo(b.Due);
        return byDue != 0 ? byDue : a.Sequence.CompareTo(b.Sequence);
    });

    public DateTimeOffset Due { get; set; }

    public long Sequence { get; set; }

    /// <summary>
    /// True for waits someone is blocked on (delays): only those make the clock advance. Plain timers
    /// fire when time passes them but never pull time forward on their own.
    /// </summary>
    public abstract bool DrivesTime { get; }

    /// <summary>Under the clock's lock, when taken off the agenda for any reason.</summary>
    public virtual void OnRemoved()
    {
    }

    /// <summary>Outside the clock's lock, once the clock has reached <see cref="Due"/>.</summary>
    public abstract void Fire();
}
