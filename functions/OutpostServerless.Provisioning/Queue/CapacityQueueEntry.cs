namespace OutpostServerless.Provisioning.Queue;

/// <summary>
/// One provisioning's place in the queue of its Outpost and instance type: what it waits for and since when.
/// Arrival order is (<see cref="Since"/>, <see cref="ProvisioningId"/>); <see cref="Since"/> is kept when the
/// same execution parks again (after a fallback re-check or a rejected launch), so it never loses its place.
/// </summary>
/// <param name="TaskToken">The parked task's token (<c>$$.Task.Token</c>); SendTaskSuccess with it wakes the execution.</param>
/// <param name="Bypassed">How many times a later provisioning was woken ahead of this one (<see cref="AdmissionPolicy"/>).</param>
public sealed record CapacityQueueEntry(
    string OutpostId,
    string InstanceType,
    string ProvisioningId,
    string ExecutionId,
    int SlotsNeeded,
    DateTimeOffset Since,
    QueueEntryStatus Status,
    string? TaskToken = null,
    int Bypassed = 0,
    DateTimeOffset? AdmittedAt = null,
    DateTimeOffset? EndedAt = null)
{
    /// <summary>The partition key: one queue per Outpost and instance type.</summary>
    public string Queue => QueueKey(OutpostId, InstanceType);

    public static string QueueKey(string outpostId, string instanceType) => $"{outpostId}#{instanceType}";

    /// <summary>Arrival order: the earlier first, the provisioning id breaking a tie.</summary>
    public static IComparer<CapacityQueueEntry> ArrivalOrder { get; } = Comparer<CapacityQueueEntry>.Create((a, b) =>
    {
        var since = a.Since.CompareTo(b.Since);
        return since != 0 ? since : string.CompareOrdinal(a.ProvisioningId, b.ProvisioningId);
    });
}
