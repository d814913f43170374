namespace OutpostServerless.StateMachine.Tasks;

/// <summary>When a task attempt runs out of time, and whether it is the heartbeat limit (else TimeoutSeconds) that runs out.</summary>
internal readonly record struct TaskDeadline(DateTimeOffset Due, bool ByHeartbeat)
{
    /// <summary>The earlier of start + TimeoutSeconds and last heartbeat + HeartbeatSeconds (either may be absent).</summary>
    public static TaskDeadline? Earliest(DateTimeOffset started, int? timeoutSeconds, DateTimeOffset lastHeartbeat, int? heartbeatSeconds)
    {
        DateTimeOffset? timeoutAt = timeoutSeconds is { } t ? started.AddSeconds(t) : null;
        DateTimeOffset? heartbeatAt = heartbeatSeconds is { } h ? lastHeartbeat.AddSeconds(h) : null;
        return (timeoutAt, heartbeatAt) switch
        {
            ({ } to, { } hb) => hb < to ? new TaskDeadline(hb, true) : new TaskDeadline(to, false),
            ({ } to, null) => new TaskDeadline(to, false),
            (null, { } hb) => new TaskDeadline(hb, true),
            _ => null,
        };
    }
}
