using System.Text.RegularExpressions;
using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Emulator.Outposts;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.CloudWatch;

/// <summary>
/// GetMetricData over the <c>AWS/Outposts</c> metrics. The Outpost publishes a datapoint every
/// 5 minutes, on the boundary, carrying the value at that instant; so what a reader sees can be
/// up to 5 minutes old, as in AWS. Datapoints are bucketed by the query's period (aligned to the
/// epoch) and reduced with its statistic.
/// </summary>
internal sealed partial class CloudWatchWorld(EmulatedRegion region)
{
    // CloudWatch keeps 5-minute data for 63 days.
    private static readonly TimeSpan Retention = TimeSpan.FromDays(63);

    public GetMetricDataResponse GetMetricData(GetMetricDataRequest request)
    {
        Validate(request);
        var now = region.Now;
        var descending = request.ScanBy is null or "TimestampDescending";
        var results = new List<MetricDataResult>();
        foreach (var query in request.MetricDataQueries.Where(q => q.ReturnData))
        {
            var stat = query.MetricStat;
            var period = stat.Period;
            var buckets = Datapoints(stat.Metric, request.StartTime, request.EndTime, now)
                .GroupBy(d => DateTimeOffset.FromUnixTimeSeconds(d.At.ToUnixTimeSeconds() - (d.At.ToUnixTimeSeconds() % period)))
                .Select(g => (At: g.Key, Value: Statistic.Of(stat.Stat, [.. g.Select(d => d.Value)])));
            var ordered = (descending ? buckets.OrderByDescending(b => b.At) : buckets.OrderBy(b => b.At)).ToList();
            results.Add(new MetricDataResult
            {
                Id = query.Id,
                Label = stat.Metric.MetricName,
                Timestamps = ordered.ConvertAll(b => b.At),
                Values = ordered.ConvertAll(b => b.Value),
                StatusCode = "Complete",
            });
        }

        return new GetMetricDataResponse(results);
    }

    private IEnumerable<(DateTimeOffset At, double Value)> Datapoints(Metric metric, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        var dimensions = metric.Dimensions.ToDictionary(d => d.Name, d => d.Value, StringComparer.Ordinal);
        var expected = metric.MetricName switch
        {
            OutpostMetrics.ConnectedStatus => ["OutpostId"],
            OutpostMetrics.AvailableInstanceTypeCount => new[] { "InstanceType", "OutpostId" },
            _ => null,
        };

        // A metric is identified by its exact dimension set: anything else simply has no data.
        if (metric.Namespace != OutpostMetrics.Namespace || expected is null
            || !dimensions.Keys.Order(StringComparer.Ordinal).SequenceEqual(expected, StringComparer.Ordinal)
            || region.State.Outposts.Outposts.Find(o => o.OutpostId == dimensions["OutpostId"]) is not { } outpost
            // A shared Outpost publishes its metrics in its owner's account only: the consumer's query finds none.
            || outpost.SharedByAccountId is not null)
        {
            yield break;
        }

        var interval = (long)region.Options.Timings.MetricPublishInterval.TotalSeconds;
        var from = Math.Max(start.ToUnixTimeSeconds(), (now - Retention).ToUnixTimeSeconds());
        var first = from % interval == 0 ? from : from - (from % interval) + interval;
        var instanceType = dimensions.GetValueOrDefault("InstanceType");
        for (var seconds = first; seconds < end.ToUnixTimeSeconds() && seconds <= now.ToUnixTimeSeconds(); seconds += interval)
        {
            var at = DateTimeOffset.FromUnixTimeSeconds(seconds);
            if (region.Outposts.ValueAt(outpost, metric.MetricName, instanceType, at) is { } value)
            {
                yield return (at, value);
            }
        }
    }

    private static void Validate(GetMetricDataRequest request)
    {
        if (request.MetricDataQueries.Count is 0 or > 500)
        {
            throw CloudWatchErrors.Validation("The collection MetricDataQueries must not be empty and must have at most 500 members.");
        }

        if (request.StartTime >= request.EndTime)
        {
            throw CloudWatchErrors.Validation("The parameter StartTime must be less than the parameter EndTime.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.MetricDataQueries.Count; i++)
        {
            var query = request.MetricDataQueries[i];
            var member = $"MetricDataQueries.member.{i + 1}";
            if (!MetricId().IsMatch(query.Id))
            {
                throw CloudWatchErrors.Validation($"The value {query.Id} for parameter {member}.Id is not valid: it must start with a lowercase letter and contain only letters, numbers and underscores.");
            }

            if (!ids.Add(query.Id))
            {
                throw CloudWatchErrors.Validation($"The value {query.Id} for parameter {member}.Id is not unique.");
            }

            var period = query.MetricStat.Period;
            if (period < 1 || (period % 60 != 0 && period is not (1 or 5 or 10 or 20 or 30)))
            {
                throw CloudWatchErrors.Validation($"The parameter {member}.MetricStat.Period must be 1, 5, 10, 20, 30 or a multiple of 60.");
            }

            if (!Statistic.IsKnown(query.MetricStat.Stat))
            {
                throw CloudWatchErrors.InvalidParameterValue($"The value {query.MetricStat.Stat} for parameter {member}.MetricStat.Stat is not a valid statistic.");
            }
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]*$")]
    private static partial Regex MetricId();
}
