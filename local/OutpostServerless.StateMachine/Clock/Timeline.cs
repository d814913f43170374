namespace OutpostServerless.StateMachine.Clock;

/// <summary>
/// How an execution experiences time: on a <see cref="VirtualClock"/> (deterministic, waits cost no real
/// time) or on any other <see cref="TimeProvider"/> such as <see cref="TimeProvider.System"/> (real waiting).
/// </summary>
internal abstract class Timeline(TimeProvider provider)
{
    public TimeProvider Provider { get; } = provider;

    public DateTimeOffset Now => Provider.GetUtcNow();

    public static Timeline For(TimeProvider clock) =>
        clock is VirtualClock virtualClock ? new VirtualTimeline(virtualClock) : new RealTimeline(clock);

    /// <summary>Starts the top-level strand of an execution.</summary>
    public abstract Task<Strand> EnterAsync();

    /// <summary>
    /// Runs <paramref name="count"/> children (Parallel branches, Map iterations), at most
    /// <paramref name="maxConcurrency"/> at once (0 = all), while <paramref name="parent"/> waits; returns
    /// their results in index order once every child has finished.
    /// </summary>
    public abstract Task<T[]> ForkJoinAsync<T>(Strand parent, int count, int maxConcurrency, Func<int, Strand, Task<T>> child);

    /// <summary>
    /// Awaits <paramref name="work"/> but gives up when <paramref name="deadline"/> is cancelled. On virtual
    /// time the work itself sees the deadline (it can only pass while the work waits on the clock).
    /// </summary>
    public abstract Task<T> WithinDeadline<T>(Task<T> work, CancellationToken deadline);

    /// <summary>
    /// Calls <paramref name="onElapsed"/> once after <paramref name="after"/>; dispose to cancel. A deadline
    /// (a TimeoutSeconds) that also holds on the virtual clock when every strand waits on something outside it.
    /// </summary>
    public virtual IDisposable StartDeadline(TimeSpan after, Action onElapsed) =>
        Provider.CreateTimer(static state => ((Action)state!)(), onElapsed, after, Timeout.InfiniteTimeSpan);
}
