namespace OutpostServerless.Aws.Client.Retry;

/// <summary>
/// Decides how long to wait before attempt <c>n+1</c>. The random source is injected so tests are
/// deterministic; it is shared by concurrent calls, hence the lock (<see cref="Random"/> is not thread-safe).
/// </summary>
public sealed class StandardRetryPolicy(RetryOptions options, Random random)
{
    private readonly Lock _randomLock = new();

    public RetryOptions Options { get; } = Validate(options);

    /// <summary>Whether another attempt may follow attempt <paramref name="attempt"/> (1-based).</summary>
    public bool CanRetryAfter(int attempt) => attempt < Options.MaxAttempts;

    /// <summary>The full-jitter back-off after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var ceiling = Math.Min(Options.MaxBackoff.TotalMilliseconds, Options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        double fraction;
        lock (_randomLock)
        {
            fraction = random.NextDouble();
        }

        return TimeSpan.FromMilliseconds(fraction * ceiling);
    }

    private static RetryOptions Validate(RetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options.MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfNegative(options.BaseDelay.Ticks, nameof(options.BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBackoff, options.BaseDelay, nameof(options.MaxBackoff));
        return options;
    }
}
