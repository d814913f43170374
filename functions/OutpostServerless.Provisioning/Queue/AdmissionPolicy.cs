namespace OutpostServerless.Provisioning.Queue;

/// <summary>
/// Who gets the free slots of one Outpost and instance type, as a pure function of the queue and the free slots.
/// <list type="number">
/// <item>Slots held by admitted provisionings (and launched ones the metric does not show yet) are not free.</item>
/// <item>Waiting provisionings are taken in arrival order; each that fits in what is left is woken.</item>
/// <item>One that does not fit may be passed by later ones that do (a 1-slot request need not idle behind a
/// 4-slot one while 2 are free), but at most <see cref="MaxBypasses"/> times in all. Once the earliest unfit one
/// has been passed that often, nobody behind it is woken: the slots that free up are kept for it.</item>
/// </list>
/// So no provisioning waits behind more than <see cref="MaxBypasses"/> later ones: after that it waits only for
/// slots to free up (starvation-free), and capacity the head cannot use is not left idle meanwhile.
/// </summary>
public static class AdmissionPolicy
{
    public const int MaxBypasses = 3;

    /// <param name="queue">Every entry of one queue, in any order.</param>
    /// <param name="freeSlots">The free slots the Outpost reports (AvailableInstanceType_Count).</param>
    /// <param name="metricAt">The time of that reading: launched entries that ended before it are in it already.</param>
    public static Admission Decide(IEnumerable<CapacityQueueEntry> queue, int freeSlots, DateTimeOffset metricAt)
    {
        var entries = queue.ToList();
        var left = freeSlots - HeldSlots(entries, metricAt);
        var admitted = new List<CapacityQueueEntry>();
        var passed = new List<CapacityQueueEntry>();
        var unfit = new List<CapacityQueueEntry>();
        foreach (var entry in entries.Where(e => e.Status == QueueEntryStatus.Waiting).Order(CapacityQueueEntry.ArrivalOrder))
        {
            if (entry.SlotsNeeded <= left)
            {
                admitted.Add(entry);
                left -= entry.SlotsNeeded;
                passed.AddRange(unfit.Except(passed));
                continue;
            }

            unfit.Add(entry);
            if (entry.Bypassed >= MaxBypasses)
            {
                break; // its slots are kept for it: nobody behind it goes first
            }
        }

        return new Admission(admitted, passed, Math.Max(left, 0));
    }

    /// <summary>
    /// Strict arrival order for a provisioning checking for itself (<paramref name="self"/>, in the queue or not):
    /// it may go only if the slots left after those held cover everyone waiting ahead of it and itself. It never
    /// passes anyone: only the wake-up, which counts the passes, applies the bypass rule.
    /// </summary>
    public static bool AllowsItself(IEnumerable<CapacityQueueEntry> queue, CapacityQueueEntry self, int freeSlots, DateTimeOffset metricAt)
    {
        var others = queue.Where(e => e.ProvisioningId != self.ProvisioningId).ToList();
        var ahead = others.Where(e => e.Status == QueueEntryStatus.Waiting && CapacityQueueEntry.ArrivalOrder.Compare(e, self) < 0).Sum(e => e.SlotsNeeded);
        return freeSlots - HeldSlots(others, metricAt) >= ahead + self.SlotsNeeded;
    }

    /// <summary>Whether anyone else waits ahead of <paramref name="self"/>: on an Outpost with no visible metrics the gate opens only to the head.</summary>
    public static bool IsFirstInLine(IEnumerable<CapacityQueueEntry> queue, CapacityQueueEntry self) =>
        !queue.Any(e => e.ProvisioningId != self.ProvisioningId && e.Status == QueueEntryStatus.Waiting && CapacityQueueEntry.ArrivalOrder.Compare(e, self) < 0);

    /// <summary>Admitted entries hold their slots; launched ones until a reading taken after they ended.</summary>
    public static int HeldSlots(IEnumerable<CapacityQueueEntry> entries, DateTimeOffset metricAt) => entries.Sum(e => e.Status switch
    {
        QueueEntryStatus.Admitted => e.SlotsNeeded,
        QueueEntryStatus.Launched when e.EndedAt is not { } ended || ended >= metricAt => e.SlotsNeeded,
        _ => 0,
    });

    /// <summary>Launched entries a reading at <paramref name="metricAt"/> already shows: they hold nothing any more and can go.</summary>
    public static IEnumerable<CapacityQueueEntry> Settled(IEnumerable<CapacityQueueEntry> entries, DateTimeOffset metricAt) =>
        entries.Where(e => e.Status == QueueEntryStatus.Launched && e.EndedAt is { } ended && ended < metricAt);
}
