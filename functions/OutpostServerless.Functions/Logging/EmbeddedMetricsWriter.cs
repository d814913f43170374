namespace OutpostServerless.Functions.Logging;

/// <summary>
/// Writes <see cref="StepMetrics"/> as a CloudWatch Embedded Metric Format line: one JSON object whose
/// <c>_aws.CloudWatchMetrics</c> directive names the metrics and dimensions, each a top-level member.
/// Dimensions are service (Powertools' dimension), function and step, all low cardinality; request and provisioning
/// ids ride along as plain properties, searchable in Logs Insights without becoming billed metrics. A cold start
/// adds Powertools' <c>ColdStart</c> metric.
/// </summary>
public sealed class EmbeddedMetricsWriter(ILogSink sink, TimeProvider time, string service = LogContext.DefaultService)
{
    public const string Namespace = "OutpostServerless";
    public const string StepDuration = "StepDuration";
    public const string Retries = "Retries";
    public const string CapacityWait = "CapacityWait";
    /// <summary>1 on an execution environment's first invocation, as Powertools' ColdStart metric.</summary>
    public const string ColdStart = "ColdStart";

    public void Write(StepMetrics metrics)
    {
        var definitions = new List<(string Name, string Unit, double Value)> { (StepDuration, "Milliseconds", metrics.DurationMilliseconds) };
        if (metrics.Retries is { } retries)
        {
            definitions.Add((Retries, "Count", retries));
        }

        if (metrics.CapacityWaitSeconds is { } waited)
        {
            definitions.Add((CapacityWait, "Seconds", waited));
        }

        if (metrics.ColdStart)
        {
            definitions.Add((ColdStart, "Count", 1));
        }

        sink.WriteLine(JsonLine.Write(writer =>
        {
            writer.WriteStartObject("_aws");
            writer.WriteNumber("Timestamp", time.GetUtcNow().ToUnixTimeMilliseconds());
            writer.WriteStartArray("CloudWatchMetrics");
            writer.WriteStartObject();
            writer.WriteString("Namespace", Namespace);
            writer.WriteStartArray("Dimensions");
            writer.WriteStartArray();
            writer.WriteStringValue("service");
            writer.WriteStringValue("function");
            writer.WriteStringValue("step");
            writer.WriteEndArray();
            writer.WriteEndArray();
            writer.WriteStartArray("Metrics");
            foreach (var (name, unit, _) in definitions)
            {
                writer.WriteStartObject();
                writer.WriteString("Name", name);
                writer.WriteString("Unit", unit);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();

            writer.WriteString("service", service);
            writer.WriteString("function", metrics.FunctionName);
            writer.WriteString("step", metrics.Step);
            foreach (var (name, _, value) in definitions)
            {
                writer.WriteNumber(name, value);
            }

            writer.WriteString("requestId", metrics.RequestId);
            writer.WriteStringIfPresent("provisioningId", metrics.ProvisioningId);
            writer.WriteBoolean("coldStart", metrics.ColdStart);
            writer.WriteString("outcome", metrics.ErrorType is null ? "success" : "error");
            writer.WriteStringIfPresent("errorType", metrics.ErrorType);
        }));
    }
}
