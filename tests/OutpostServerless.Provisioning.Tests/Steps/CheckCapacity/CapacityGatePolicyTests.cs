using OutpostServerless.Provisioning.Steps;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class CapacityGatePolicyTests
{
    [Theory]
    // poll, max, waited → next
    [InlineData(30, 3600, 0, 30)]      // first wait is the poll interval
    [InlineData(30, 3600, 30, 60)]     // then it doubles…
    [InlineData(30, 3600, 90, 120)]
    [InlineData(30, 3600, 210, 240)]
    [InlineData(30, 3600, 450, 300)]   // …up to the metric period
    [InlineData(30, 3600, 3500, 100)]  // never past the budget
    [InlineData(30, 3600, 3600, 1)]    // and never below one second
    [InlineData(30, 3600, 5000, 1)]
    [InlineData(600, 3600, 0, 300)]    // a poll longer than the metric period is capped too
    public void Next_wait_doubles_from_the_poll_interval_within_the_caps(int poll, int max, int waited, int expected)
    {
        Assert.Equal(expected, CapacityGatePolicy.NextWaitSeconds(poll, max, waited));
    }

    [Fact]
    public void The_gate_loop_is_bounded_when_capacity_never_comes()
    {
        const int max = 3600;
        var waited = 0;
        var checks = 0;
        while (!CapacityGatePolicy.IsExhausted(new CapacityGateReading(HasCapacity: false, LaunchRejected: false, max, waited)))
        {
            waited += CapacityGatePolicy.NextWaitSeconds(30, max, waited);
            checks++;
            Assert.True(checks < 1000, "the gate never gave up");
        }

        Assert.Equal(max, waited);
    }

    [Fact]
    public void The_gate_loop_is_bounded_when_the_metric_keeps_lying_and_launches_keep_failing()
    {
        const int max = 600;
        var waited = 0;
        var launches = 0;
        // The metric says yes every time; every RunInstances says InsufficientInstanceCapacity, and
        // the state machine waits nextWaitSeconds before checking again.
        while (!CapacityGatePolicy.IsExhausted(new CapacityGateReading(HasCapacity: true, LaunchRejected: launches > 0, max, waited)))
        {
            launches++;
            waited += CapacityGatePolicy.NextWaitSeconds(30, max, waited);
            Assert.True(launches < 1000, "the gate never gave up");
        }

        Assert.True(waited >= max);
    }
}
