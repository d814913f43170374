namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The part of <c>$.gate</c> the state machine owns between checks: the time waited so far (it
/// adds each Wait's <c>nextWaitSeconds</c>) and whether RunInstances has since been rejected with
/// InsufficientInstanceCapacity. Read leniently: a whole earlier <see cref="CapacityGate"/> fits.
/// </summary>
public sealed record CapacityWaitProgress(int WaitedSeconds = 0, bool LaunchRejected = false);
