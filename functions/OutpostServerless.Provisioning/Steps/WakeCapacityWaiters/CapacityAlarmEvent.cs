using System.Text.Json.Serialization;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The parts of EventBridge's "CloudWatch Alarm State Change" event the wake-up reads: the new state and the
/// alarm's metric, whose OutpostId and InstanceType dimensions name the queue (AWS CloudWatch User Guide,
/// "Alarm events and EventBridge"; statemachine/events/capacity-alarm.json).
/// </summary>
public sealed record CapacityAlarmEvent(
    [property: JsonPropertyName("detail-type")] string? DetailType,
    AlarmDetail? Detail);

public sealed record AlarmDetail(string? AlarmName, AlarmState? State, AlarmConfiguration? Configuration);

public sealed record AlarmState(string? Value);

public sealed record AlarmConfiguration(IReadOnlyList<AlarmMetric>? Metrics);

public sealed record AlarmMetric(AlarmMetricStat? MetricStat);

public sealed record AlarmMetricStat(AlarmMetricName? Metric);

public sealed record AlarmMetricName(string? Namespace, string? Name, IReadOnlyDictionary<string, string>? Dimensions);
