using OutpostServerless.Provisioning.Queue;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Queue;

/// <summary>Who the free slots go to: arrival order, only what fits, a bounded number of passes.</summary>
public sealed class AdmissionPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static CapacityQueueEntry Waiting(string id, int slots, int secondsAfter, int bypassed = 0) =>
        new("op-0123456789abcdef0", "c5.large", id, id + "@exec", slots, T0.AddSeconds(secondsAfter), QueueEntryStatus.Waiting, "token-" + id, bypassed);

    private static string[] Ids(IEnumerable<CapacityQueueEntry> entries) => [.. entries.Select(e => e.ProvisioningId)];

    [Fact]
    public void Waiting_provisionings_are_woken_in_arrival_order_only_as_many_as_the_free_slots_hold()
    {
        var queue = new[] { Waiting("c", 2, 20), Waiting("a", 2, 0), Waiting("b", 1, 10) };

        var admission = AdmissionPolicy.Decide(queue, freeSlots: 3, T0.AddHours(1));

        Assert.Equal(["a", "b"], Ids(admission.Admitted));
        Assert.Empty(admission.Passed);
        Assert.Equal(0, admission.SlotsLeft);
    }

    [Fact]
    public void A_provisioning_that_needs_four_slots_is_not_woken_by_two()
    {
        var admission = AdmissionPolicy.Decide([Waiting("big", 4, 0)], freeSlots: 2, T0.AddHours(1));

        Assert.Empty(admission.Admitted);
        Assert.Equal(2, admission.SlotsLeft);
    }

    [Fact]
    public void A_later_small_request_may_go_ahead_of_an_earlier_one_that_does_not_fit_and_that_pass_is_counted()
    {
        var admission = AdmissionPolicy.Decide([Waiting("a", 2, 0), Waiting("b", 1, 10)], freeSlots: 1, T0.AddHours(1));

        Assert.Equal(["b"], Ids(admission.Admitted));
        Assert.Equal(["a"], Ids(admission.Passed));
    }

    [Fact]
    public void Once_passed_the_maximum_number_of_times_nobody_behind_it_is_woken_and_the_slots_are_kept_for_it()
    {
        var head = Waiting("a", 2, 0, bypassed: AdmissionPolicy.MaxBypasses);

        var admission = AdmissionPolicy.Decide([head, Waiting("b", 1, 10)], freeSlots: 1, T0.AddHours(1));

        Assert.Empty(admission.Admitted);
        Assert.Empty(admission.Passed);
        Assert.Equal(1, admission.SlotsLeft);
    }

    [Fact]
    public void A_large_request_behind_a_stream_of_small_ones_is_passed_at_most_the_maximum_times_then_gets_the_kept_slots()
    {
        // Each round one slot frees up and a new 1-slot request arrives; the kept slots add up for the head.
        var head = Waiting("head", 2, 0);
        var others = new List<CapacityQueueEntry>();
        var free = 0;
        var round = 0;
        for (; round < 10; round++)
        {
            others.Add(Waiting($"small-{round}", 1, 10 + round));
            free += 1;
            var admission = AdmissionPolicy.Decide([head, .. others], free, T0.AddHours(1));
            if (admission.Admitted.Any(e => e.ProvisioningId == "head"))
            {
                break;
            }

            head = head with { Bypassed = head.Bypassed + admission.Passed.Count(p => p.ProvisioningId == "head") };
            free = admission.SlotsLeft;
            others.RemoveAll(o => admission.Admitted.Contains(o));
        }

        Assert.Equal(AdmissionPolicy.MaxBypasses, head.Bypassed);
        Assert.Equal(AdmissionPolicy.MaxBypasses + 1, round); // three passes, one round keeping the slot, then it fits
    }

    [Fact]
    public void Slots_of_admitted_provisionings_are_held_so_a_waiting_one_does_not_count_on_them()
    {
        var admitted = Waiting("a", 2, 0) with { Status = QueueEntryStatus.Admitted, AdmittedAt = T0.AddMinutes(5) };

        var admission = AdmissionPolicy.Decide([admitted, Waiting("b", 1, 10)], freeSlots: 2, T0.AddHours(1));

        Assert.Empty(admission.Admitted);
    }

    [Theory]
    [InlineData(-1, 2)] // the reading is older than the launch: the slots are still held
    [InlineData(1, 0)]  // a reading after it ended shows the instances: nothing is held twice
    public void A_launched_provisioning_holds_its_slots_until_a_reading_taken_after_it_ended(int readingSecondsAfterEnd, int held)
    {
        var ended = T0.AddMinutes(10);
        var launched = Waiting("a", 2, 0) with { Status = QueueEntryStatus.Launched, EndedAt = ended };

        Assert.Equal(held, AdmissionPolicy.HeldSlots([launched], ended.AddSeconds(readingSecondsAfterEnd)));
        Assert.Equal(held == 0, AdmissionPolicy.Settled([launched], ended.AddSeconds(readingSecondsAfterEnd)).Any());
    }

    [Theory]
    [InlineData(3, false)] // 2 for the one ahead + 2 for itself do not fit in 3
    [InlineData(4, true)]
    public void Checking_for_itself_a_provisioning_never_passes_anyone_waiting_ahead(int freeSlots, bool allowed)
    {
        var self = Waiting("late", 2, 60);

        Assert.Equal(allowed, AdmissionPolicy.AllowsItself([Waiting("early", 2, 0), self], self, freeSlots, T0.AddHours(1)));
    }
}
