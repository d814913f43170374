namespace OutpostServerless.Emulator.Sam;

/// <summary>A metric alarm of the template (<c>AWS::CloudWatch::Alarm</c> on one metric), as CloudWatch evaluates it.</summary>
public sealed record SamAlarm(
    string LogicalId,
    string AlarmName,
    string Arn,
    string Namespace,
    string MetricName,
    IReadOnlyDictionary<string, string> Dimensions,
    string Statistic,
    int Period,
    double Threshold,
    string ComparisonOperator,
    string? Description)
{
    /// <summary>Whether a datapoint breaches the threshold (CloudWatch's ComparisonOperator values).</summary>
    public bool Breaches(double value) => ComparisonOperator switch
    {
        "GreaterThanOrEqualToThreshold" => value >= Threshold,
        "GreaterThanThreshold" => value > Threshold,
        "LessThanThreshold" => value < Threshold,
        "LessThanOrEqualToThreshold" => value <= Threshold,
        _ => throw new SamTemplateException("template.yaml", $"{LogicalId}: ComparisonOperator {ComparisonOperator} is not supported locally"),
    };
}
