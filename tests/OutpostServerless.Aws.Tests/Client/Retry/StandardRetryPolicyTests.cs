using OutpostServerless.Aws.Client.Retry;
using OutpostServerless.Aws.Tests.Testing;

namespace OutpostServerless.Aws.Tests.Client.Retry;

public sealed class StandardRetryPolicyTests
{
    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(8, 12_800)]
    [InlineData(9, 20_000)]
    [InlineData(40, 20_000)]
    public void The_back_off_ceiling_doubles_per_attempt_up_to_the_cap(int attempt, double ceilingMs)
    {
        var policy = new StandardRetryPolicy(RetryOptions.Standard, new FixedRandom(1.0));

        Assert.Equal(ceilingMs, policy.DelayAfter(attempt).TotalMilliseconds, precision: 6);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.999)]
    public void Full_jitter_draws_the_wait_between_zero_and_the_ceiling(double fraction)
    {
        var policy = new StandardRetryPolicy(RetryOptions.Standard, new FixedRandom(fraction));

        Assert.Equal(fraction * 400, policy.DelayAfter(3).TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void Real_jitter_stays_within_the_cap()
    {
        var policy = new StandardRetryPolicy(RetryOptions.Standard, new Random(7));

        Assert.All(Enumerable.Range(1, 200).Select(policy.DelayAfter), delay => Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(20)));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Three_attempts_by_default(int attempt, bool canRetry) =>
        Assert.Equal(canRetry, new StandardRetryPolicy(RetryOptions.Standard, new FixedRandom(0)).CanRetryAfter(attempt));

    [Fact]
    public void One_attempt_means_no_retry() =>
        Assert.False(new StandardRetryPolicy(new RetryOptions { MaxAttempts = 1 }, new FixedRandom(0)).CanRetryAfter(1));

    [Fact]
    public void Zero_attempts_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new StandardRetryPolicy(new RetryOptions { MaxAttempts = 0 }, new FixedRandom(0)));
}
