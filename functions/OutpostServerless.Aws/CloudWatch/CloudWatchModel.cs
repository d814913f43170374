namespace OutpostServerless.Aws.CloudWatch;

// The GetMetricData shapes, member names as in the CloudWatch API.

public sealed record Dimension(string Name, string Value);

public sealed record Metric(string Namespace, string MetricName, IReadOnlyList<Dimension> Dimensions);

public sealed record MetricStat(Metric Metric, int Period, string Stat);

public sealed record MetricDataQuery
{
    public required string Id { get; init; }
    public required MetricStat MetricStat { get; init; }
    public bool ReturnData { get; init; } = true;
}

public sealed record GetMetricDataRequest
{
    public required IReadOnlyList<MetricDataQuery> MetricDataQueries { get; init; }
    public required DateTimeOffset StartTime { get; init; }
    public required DateTimeOffset EndTime { get; init; }
    /// <summary>TimestampDescending (the default) or TimestampAscending.</summary>
    public string? ScanBy { get; init; }
    public string? NextToken { get; init; }
}

public sealed record MetricDataResult
{
    public required string Id { get; init; }
    public string? Label { get; init; }
    public required IReadOnlyList<DateTimeOffset> Timestamps { get; init; }
    public required IReadOnlyList<double> Values { get; init; }
    /// <summary>Complete, InternalError, PartialData or Forbidden.</summary>
    public required string StatusCode { get; init; }
}

public sealed record GetMetricDataResponse(IReadOnlyList<MetricDataResult> MetricDataResults, string? NextToken = null);
