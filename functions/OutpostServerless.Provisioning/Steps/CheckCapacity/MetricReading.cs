namespace OutpostServerless.Provisioning.Steps;

/// <summary>The latest datapoint of one CloudWatch metric.</summary>
public sealed record MetricReading(double Value, DateTimeOffset Timestamp);
