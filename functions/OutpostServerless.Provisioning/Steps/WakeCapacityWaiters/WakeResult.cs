namespace OutpostServerless.Provisioning.Steps;

/// <summary>What one capacity event did: the queue it read, the free slots, and whom it woke (in arrival order).</summary>
/// <param name="Woken">Admitted and sent SendTaskSuccess.</param>
/// <param name="Passed">Waiting ones a later one was woken ahead of (each pass counted against <see cref="Queue.AdmissionPolicy.MaxBypasses"/>).</param>
/// <param name="StillWaiting">How many wait on after this event.</param>
/// <param name="Unreachable">Admitted, but their task had ended (TaskTimedOut): they find the admission at their re-check.</param>
public sealed record WakeResult(
    string OutpostId,
    string InstanceType,
    int FreeSlots,
    IReadOnlyList<WokenProvisioning> Woken,
    IReadOnlyList<string> Passed,
    int StillWaiting,
    IReadOnlyList<string> Unreachable);

public sealed record WokenProvisioning(string ProvisioningId, int Slots, int WaitedSeconds);
