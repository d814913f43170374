namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// <c>$.gate</c>: the capacity gate's verdict. The state machine's Choice reads it: exhausted →
/// fail <c>Provisioning.CapacityUnavailable</c>; hasCapacity → launch; otherwise Wait
/// <see cref="NextWaitSeconds"/>, add it to <see cref="WaitedSeconds"/> and check again.
/// </summary>
/// <param name="HasCapacity">Connected to the Region and at least instanceCount free slots of the type
/// (and not <see cref="Exhausted"/>: the two are never both true, whatever order a Choice tests them in).</param>
/// <param name="Exhausted">(No capacity, or a launch was rejected) and the wait budget is spent.</param>
/// <param name="FreeSlots">The latest AvailableInstanceType_Count (0 when there is no data).</param>
/// <param name="WaitedSeconds">Echoes the input: the time waited so far.</param>
/// <param name="NextWaitSeconds">How long to wait before the next check: at least 1.</param>
/// <param name="LaunchRejected">Echoes the input: the metric said yes but RunInstances said no.</param>
/// <param name="Reason">One sentence for a human.</param>
/// <param name="CapacitySource">What the verdict rests on: the Outpost's metrics, or (none visible from this
/// account, as for a shared Outpost) its instance types with RunInstances as the authority; null when no
/// instance is needed and nothing was asked.</param>
public sealed record CapacityGate(
    bool HasCapacity,
    bool Exhausted,
    int FreeSlots,
    int WaitedSeconds,
    int NextWaitSeconds,
    bool LaunchRejected,
    string Reason,
    CapacitySource? CapacitySource = null) : ICapacityWaitReport;
