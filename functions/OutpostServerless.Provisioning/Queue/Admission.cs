namespace OutpostServerless.Provisioning.Queue;

/// <summary><see cref="AdmissionPolicy"/>'s answer: whom to wake (in arrival order), whom they pass, and the slots left.</summary>
public sealed record Admission(IReadOnlyList<CapacityQueueEntry> Admitted, IReadOnlyList<CapacityQueueEntry> Passed, int SlotsLeft);
