namespace OutpostServerless.Functions.Bootstrap;

/// <summary>
/// The time the steps see. On Lambda it is the system clock. Under the local emulator, whose engine moves
/// virtual time without waiting, each invocation carries the world's time and the clock reads exactly
/// that for the whole invocation, as the emulated world does (its time stands still while a task runs).
/// Timers and timestamps (durations) stay real.
/// </summary>
public sealed class InvocationClock(TimeProvider system) : TimeProvider
{
    private DateTimeOffset? _pinned;

    public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;

    public override long TimestampFrequency => system.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _pinned ?? system.GetUtcNow();

    public override long GetTimestamp() => system.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        system.CreateTimer(callback, state, dueTime, period);

    /// <summary>Reads <paramref name="emulatedTime"/> from now on, or the system clock when it is null.</summary>
    public void Pin(DateTimeOffset? emulatedTime) => _pinned = emulatedTime;
}
