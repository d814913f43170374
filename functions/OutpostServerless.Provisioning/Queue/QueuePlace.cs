namespace OutpostServerless.Provisioning.Queue;

/// <summary>
/// Where a provisioning stands in its Outpost's capacity queue: what it waits for, since when, and its place — 1 is
/// first in line, <paramref name="SlotsAhead"/> are wanted by the waiting ones before it. An admitted one holds its
/// slots (place 0: it is past the queue).
/// </summary>
public sealed record QueuePlace(
    string ProvisioningId,
    string OutpostId,
    string InstanceType,
    int SlotsNeeded,
    QueueEntryStatus Status,
    int Position,
    int SlotsAhead,
    DateTimeOffset Since,
    int Bypassed)
{
    /// <summary><paramref name="entry"/>'s place among <paramref name="queue"/> (the entries of its queue).</summary>
    public static QueuePlace Of(CapacityQueueEntry entry, IEnumerable<CapacityQueueEntry> queue)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var ahead = entry.Status == QueueEntryStatus.Waiting
            ? queue.Where(e => e.ProvisioningId != entry.ProvisioningId && e.Status == QueueEntryStatus.Waiting && CapacityQueueEntry.ArrivalOrder.Compare(e, entry) < 0).ToList()
            : [];
        return new QueuePlace(entry.ProvisioningId, entry.OutpostId, entry.InstanceType, entry.SlotsNeeded, entry.Status,
            entry.Status == QueueEntryStatus.Waiting ? ahead.Count + 1 : 0, ahead.Sum(e => e.SlotsNeeded), entry.Since, entry.Bypassed);
    }

    /// <summary>The waiting and admitted entries of a queue in order: admitted first, then the waiting ones by arrival.</summary>
    public static IReadOnlyList<QueuePlace> All(IReadOnlyList<CapacityQueueEntry> queue) =>
        [.. queue.Where(e => e.Status != QueueEntryStatus.Launched)
            .OrderBy(e => e.Status == QueueEntryStatus.Waiting)
            .ThenBy(e => e, CapacityQueueEntry.ArrivalOrder)
            .Select(e => Of(e, queue))];
}
