namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// One reading of the capacity gate, as <see cref="CapacityGatePolicy.IsExhausted"/> judges it.
/// </summary>
/// <param name="HasCapacity">The metric (or the instance types) and the capacity queue let this provisioning go.</param>
/// <param name="LaunchRejected">The last RunInstances answered InsufficientInstanceCapacity.</param>
/// <param name="MaxSeconds">The wait budget (<c>CapacityWait.MaxSeconds</c>).</param>
/// <param name="WaitedSeconds">How long this provisioning has waited so far.</param>
public readonly record struct CapacityGateReading(bool HasCapacity, bool LaunchRejected, int MaxSeconds, int WaitedSeconds)
{
    public bool BudgetSpent => WaitedSeconds >= MaxSeconds;
}
