using OutpostServerless.Aws.CloudWatch;
using Xunit;

namespace OutpostServerless.Emulator.Tests.CloudWatch;

public sealed class MetricPublishingTests
{
    private readonly TestWorld _world = new();

    private static Metric Available(string instanceType = "c5.large") =>
        new("AWS/Outposts", "AvailableInstanceType_Count", [new Dimension("OutpostId", "op-0123456789abcdef0"), new Dimension("InstanceType", instanceType)]);

    private static Metric Connected() => new("AWS/Outposts", "ConnectedStatus", [new Dimension("OutpostId", "op-0123456789abcdef0")]);

    private async Task<MetricDataResult> ReadAsync(Metric metric, string stat = "Minimum", int period = 300, TimeSpan? window = null, string? scanBy = null)
    {
        var now = _world.Clock.GetUtcNow();
        var response = await _world.Aws.CloudWatch.GetMetricDataAsync(new GetMetricDataRequest
        {
            MetricDataQueries = [new MetricDataQuery { Id = "m1", MetricStat = new MetricStat(metric, period, stat) }],
            StartTime = now - (window ?? TimeSpan.FromMinutes(30)),
            EndTime = now,
            ScanBy = scanBy,
        });
        return Assert.Single(response.MetricDataResults);
    }

    [Fact]
    public async Task AvailableInstanceType_Count_reports_the_free_slots_at_the_last_5_minute_boundary()
    {
        _world.Cloud.SetFreeSlots("c5.large", 3);

        var result = await ReadAsync(Available());

        Assert.Equal(new DateTimeOffset(2025, 1, 6, 12, 0, 0, TimeSpan.Zero), result.Timestamps[0]);
        Assert.Equal(16, result.Values[0]);
    }

    [Fact]
    public async Task AvailableInstanceType_Count_catches_up_at_the_next_publish()
    {
        _world.Cloud.SetFreeSlots("c5.large", 3);

        _world.Advance(TimeSpan.FromMinutes(4));
        var result = await ReadAsync(Available());

        Assert.Equal(new DateTimeOffset(2025, 1, 6, 12, 5, 0, TimeSpan.Zero), result.Timestamps[0]);
        Assert.Equal(3, result.Values[0]);
    }

    [Fact]
    public async Task AvailableInstanceType_Count_agrees_with_what_RunInstances_consumed()
    {
        var subnet = await _world.OutpostSubnetAsync(await _world.VpcAsync());
        await _world.LaunchAsync(subnet, count: 5);

        _world.Advance(TimeSpan.FromMinutes(5));
        var result = await ReadAsync(Available());

        Assert.Equal(11, result.Values[0]);
    }

    [Fact]
    public async Task ConnectedStatus_reads_1_while_connected_and_0_after_the_link_drops()
    {
        var before = await ReadAsync(Connected());
        _world.Cloud.SetConnected(false);

        _world.Advance(TimeSpan.FromMinutes(5));
        var after = await ReadAsync(Connected());

        Assert.Equal(1, before.Values[0]);
        Assert.Equal(0, after.Values[0]);
    }

    [Fact]
    public async Task No_capacity_datapoints_are_delivered_while_the_Outpost_is_disconnected()
    {
        _world.Cloud.SetConnected(false);

        _world.Advance(TimeSpan.FromMinutes(10));
        var result = await ReadAsync(Available(), window: TimeSpan.FromMinutes(9));

        Assert.Empty(result.Values);
    }

    [Theory]
    [InlineData("Average", 10)]
    [InlineData("Minimum", 4)]
    [InlineData("Maximum", 16)]
    [InlineData("Sum", 20)]
    [InlineData("SampleCount", 2)]
    public async Task A_statistic_reduces_the_datapoints_of_each_period(string stat, double expected)
    {
        _world.Cloud.SetFreeSlots("c5.large", 4);
        _world.Advance(TimeSpan.FromMinutes(4));

        var result = await ReadAsync(Available(), stat, period: 600, window: TimeSpan.FromMinutes(6));

        Assert.Equal([expected], result.Values);
    }

    [Fact]
    public async Task Datapoints_come_newest_first_unless_asked_ascending()
    {
        _world.Advance(TimeSpan.FromMinutes(20));

        var descending = await ReadAsync(Available());
        var ascending = await ReadAsync(Available(), scanBy: "TimestampAscending");

        Assert.Equal(descending.Timestamps.OrderDescending(), descending.Timestamps);
        Assert.Equal(descending.Timestamps.Reverse(), ascending.Timestamps);
    }

    [Fact]
    public async Task A_metric_with_other_dimensions_has_no_data()
    {
        var metric = new Metric("AWS/Outposts", "AvailableInstanceType_Count", [new Dimension("OutpostId", "op-0123456789abcdef0")]);

        var result = await ReadAsync(metric);

        Assert.Empty(result.Timestamps);
    }

    [Fact]
    public async Task GetMetricData_with_StartTime_not_before_EndTime_fails_ValidationError()
    {
        var now = _world.Clock.GetUtcNow();

        await AwsAssert.ServiceErrorAsync("ValidationError", () => _world.Aws.CloudWatch.GetMetricDataAsync(new GetMetricDataRequest
        {
            MetricDataQueries = [new MetricDataQuery { Id = "m1", MetricStat = new MetricStat(Connected(), 300, "Average") }],
            StartTime = now,
            EndTime = now,
        }));
    }
}
