using OutpostServerless.Aws.DynamoDb;

namespace OutpostServerless.Aws.Tests.DynamoDb;

public sealed class ItemValuesTests
{
    [Fact]
    public void A_time_is_stored_as_fixed_width_UTC_text_so_stored_times_sort_as_strings_in_time_order()
    {
        var earlier = new DateTimeOffset(2026, 12, 8, 9, 5, 3, 7, TimeSpan.FromHours(2));
        var later = earlier.AddMilliseconds(993);

        var (a, b) = (ItemValues.Time(earlier).S, ItemValues.Time(later).S);

        Assert.Equal("2026-12-08T07:05:03.007Z", a);
        Assert.Equal(a.Length, b.Length);
        Assert.True(string.CompareOrdinal(a, b) < 0);
    }

    [Fact]
    public void A_stored_time_reads_back_as_the_same_instant_to_the_millisecond()
    {
        var time = new DateTimeOffset(2026, 12, 8, 7, 5, 3, 7, TimeSpan.Zero).AddTicks(4_321);

        var read = ItemValues.Time(ItemValues.Time(time));

        Assert.Equal(new DateTimeOffset(2026, 12, 8, 7, 5, 3, 7, TimeSpan.Zero), read);
        Assert.Equal(TimeSpan.Zero, read.Offset);
    }

    [Fact]
    public void A_time_the_capacity_queue_stored_before_in_round_trip_format_still_reads_as_its_instant()
    {
        var read = ItemValues.Time(ItemValues.S("2026-12-08T07:05:03.0070000Z"));

        Assert.Equal(new DateTimeOffset(2026, 12, 8, 7, 5, 3, 7, TimeSpan.Zero), read);
    }
}
