namespace OutpostServerless.StateMachine.Clock;

/// <summary>
/// One sequential line of work scheduled by a <see cref="VirtualClock"/> (the top level of an execution, a
/// Parallel branch, a Map iteration). At most one strand runs at a time, so a run is deterministic; time
/// moves only when none runs and none is ready.
/// </summary>
internal sealed class ClockStrand(VirtualClock clock)
{
    public VirtualClock Clock { get; } = clock;

    /// <summary>Changed only under the clock's lock.</summary>
    public StrandState State { get; set; } = StrandState.Ready;
}

internal enum StrandState
{
    /// <summary>Queued for its turn to run.</summary>
    Ready,

    /// <summary>Holds the clock's single run token.</summary>
    Running,

    /// <summary>Waiting for a virtual delay or for other strands (a join).</summary>
    Parked,

    Exited,
}
