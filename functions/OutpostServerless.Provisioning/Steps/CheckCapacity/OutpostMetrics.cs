using OutpostServerless.Aws.CloudWatch;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Reads the two AWS/Outposts metrics the gate needs in one GetMetricData call: ConnectedStatus
/// (1-minute, Average below 1 means the service link is impaired) and AvailableInstanceType_Count
/// (5-minute). Only the latest datapoint of the last <see cref="Window"/> counts.
/// </summary>
public sealed class OutpostMetrics(ICloudWatch cloudWatch, TimeProvider clock)
{
    public const string Namespace = "AWS/Outposts";
    public const string ConnectedStatus = "ConnectedStatus";
    public const string AvailableInstanceTypeCount = "AvailableInstanceType_Count";

    /// <summary>Three metric periods: one late datapoint does not read as "no data".</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const string ConnectedId = "connected";
    private const string AvailableId = "available";

    public async Task<(MetricReading? Connected, MetricReading? Available)> ReadLatestAsync(
        string outpostId, string instanceType, CancellationToken cancellationToken)
    {
        var end = clock.GetUtcNow();
        var queries = new[]
        {
            new MetricDataQuery
            {
                Id = ConnectedId,
                MetricStat = new MetricStat(
                    new Metric(Namespace, ConnectedStatus, [new Dimension("OutpostId", outpostId)]), 60, "Average"),
            },
            new MetricDataQuery
            {
                Id = AvailableId,
                // Minimum: the fewest free slots seen in the latest period is the safe number to plan on.
                MetricStat = new MetricStat(
                    new Metric(Namespace, AvailableInstanceTypeCount,
                        [new Dimension("InstanceType", instanceType), new Dimension("OutpostId", outpostId)]),
                    CapacityGatePolicy.MetricPeriodSeconds, "Minimum"),
            },
        };

        MetricReading? connected = null, available = null;
        string? nextToken = null;
        do
        {
            var response = await cloudWatch.GetMetricDataAsync(new GetMetricDataRequest
            {
                MetricDataQueries = queries,
                StartTime = end - Window,
                EndTime = end,
                ScanBy = "TimestampDescending",
                NextToken = nextToken,
            }, cancellationToken);
            foreach (var result in response.MetricDataResults)
            {
                var latest = Latest(result);
                switch (result.Id)
                {
                    case ConnectedId: connected = Later(connected, latest); break;
                    case AvailableId: available = Later(available, latest); break;
                }
            }
            nextToken = response.NextToken;
        }
        while (nextToken is not null);

        return (connected, available);
    }

    private static MetricReading? Latest(MetricDataResult result)
    {
        MetricReading? latest = null;
        for (var i = 0; i < Math.Min(result.Timestamps.Count, result.Values.Count); i++)
        {
            latest = Later(latest, new MetricReading(result.Values[i], result.Timestamps[i]));
        }
        return latest;
    }

    private static MetricReading? Later(MetricReading? a, MetricReading? b) =>
        a is null ? b : b is null ? a : b.Timestamp > a.Timestamp ? b : a;
}
