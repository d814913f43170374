using OutpostServerless.Emulator.Outposts;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.Calls;

/// <summary>
/// A <see cref="FaultKind.CapacityTaken"/> fault: another tenant launches into every free slot of every
/// Outpost now, and its instances are gone again after the hold, when the same number of slots is free.
/// The metric records both changes, so the gate sees them five minutes late, as in AWS.
/// </summary>
internal static class CapacityTheft
{
    public static void Apply(EmulatedRegion region, DateTimeOffset now, TimeSpan hold)
    {
        foreach (var outpost in region.State.Outposts.Outposts)
        {
            var types = outpost.Hosts.SelectMany(h => h.Capacities.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            foreach (var type in types)
            {
                var free = region.Outposts.FreeSlots(outpost, type);
                if (free == 0)
                {
                    continue;
                }

                region.Outposts.SetFreeSlots(outpost, type, 0, now);
                region.Outposts.Schedule(outpost, new ScheduledChange(now + hold, ScheduledChange.FreeSlots, type, free));
            }
        }
    }
}
