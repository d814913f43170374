namespace OutpostServerless.StateMachine.Retry;

/// <summary>
/// One entry of a state's Retry field. Defaults as in the spec: IntervalSeconds 1, MaxAttempts 3 (0 means
/// never retry), BackoffRate 2.0. The n-th retry waits IntervalSeconds × BackoffRate^(n-1), capped by
/// MaxDelaySeconds, then jittered when JitterStrategy is FULL.
/// </summary>
internal sealed record Retrier(
    IReadOnlyList<string> ErrorEquals,
    int IntervalSeconds = 1,
    int MaxAttempts = 3,
    double BackoffRate = 2.0,
    int? MaxDelaySeconds = null,
    JitterStrategy Jitter = JitterStrategy.None)
{
    /// <param name="retryNumber">1 for the first retry this retrier grants, 2 for the second, ...</param>
    public TimeSpan DelayBefore(int retryNumber, Random random)
    {
        var seconds = IntervalSeconds * Math.Pow(BackoffRate, retryNumber - 1);
        if (MaxDelaySeconds is { } cap)
        {
            seconds = Math.Min(seconds, cap);
        }

        if (Jitter == JitterStrategy.Full)
        {
            seconds *= random.NextDouble();
        }

        // Millisecond resolution, like the timestamps the history shows.
        return TimeSpan.FromMilliseconds(Math.Round(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2) * 1000));
    }
}
