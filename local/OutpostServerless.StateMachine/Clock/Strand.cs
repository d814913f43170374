namespace OutpostServerless.StateMachine.Clock;

/// <summary>The engine's handle on one sequential line of an execution (top level, branch, iteration).</summary>
internal abstract class Strand
{
    /// <summary>Waits (a Wait state, a retry back-off); on the virtual clock this yields the turn to other strands.</summary>
    public abstract Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until <paramref name="signal"/> completes or <paramref name="limit"/> passes (null: no limit),
    /// whichever is first; the caller looks at what happened. On the virtual clock the limit moves time like
    /// a delay, while the signal comes from outside the clock (e.g. SendTaskSuccess).
    /// </summary>
    public abstract Task WaitForSignalAsync(Task signal, TimeSpan? limit, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the calling flow (and the code it calls, such as a task invoker) as running on this strand,
    /// so <see cref="VirtualClock.Delay"/> there yields this strand's turn. Call it from the strand's own async method.
    /// </summary>
    public abstract void MakeCurrent();

    /// <summary>Leaves the timeline; called once, by the strand itself, when its line of work ends.</summary>
    public abstract void Exit();
}
