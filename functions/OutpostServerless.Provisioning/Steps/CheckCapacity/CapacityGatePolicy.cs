namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The gate's arithmetic, apart from any AWS call so it can be read (and tested) as a table.
/// The loop is bounded because every pass through the state machine's Wait adds
/// <see cref="NextWaitSeconds"/> (at least 1) to waitedSeconds, and once waitedSeconds reaches the
/// budget the gate is exhausted unless capacity is there and no launch has been rejected.
/// </summary>
public static class CapacityGatePolicy
{
    /// <summary>AvailableInstanceType_Count is published every 5 minutes: polling faster learns nothing.</summary>
    public const int MetricPeriodSeconds = 300;

    /// <summary>
    /// The wait before the next check: doubling from <paramref name="pollSeconds"/>, capped at the
    /// metric period and at what is left of the budget, never below 1 second.
    /// </summary>
    /// <remarks>
    /// Doubling needs no counter: waits of p, 2p, 4p, … add up to (2^k − 1)·p, so the next wait,
    /// 2^k·p, is always waitedSeconds + p. Deriving it from waitedSeconds keeps the gate's state to
    /// what the state machine already carries.
    /// </remarks>
    public static int NextWaitSeconds(int pollSeconds, int maxSeconds, int waitedSeconds)
    {
        var waited = Math.Max(waitedSeconds, 0);
        long next = (long)waited + Math.Max(pollSeconds, 1);
        next = Math.Min(next, MetricPeriodSeconds);
        next = Math.Min(next, (long)maxSeconds - waited);
        return (int)Math.Max(next, 1);
    }

    /// <summary>
    /// Give up when the budget is spent and there is no capacity — or there seemed to be, but
    /// RunInstances rejected the launch (the metric is stale), which would otherwise loop forever.
    /// </summary>
    public static bool IsExhausted(CapacityGateReading gate) =>
        (!gate.HasCapacity || gate.LaunchRejected) && gate.BudgetSpent;
}
