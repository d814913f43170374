namespace OutpostServerless.Aws.Client.Retry;

/// <summary>
/// The SDKs' standard retry mode: at most <see cref="MaxAttempts"/> attempts (first try included),
/// waiting a full-jitter exponential back-off between them, <c>random(0, min(MaxBackoff, BaseDelay·2^(n-1)))</c>.
/// </summary>
public sealed record RetryOptions
{
    public static RetryOptions Standard { get; } = new();

    public int MaxAttempts { get; init; } = 3;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(20);
}
