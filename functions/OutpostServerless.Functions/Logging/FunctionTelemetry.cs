using Microsoft.Extensions.Logging;

namespace OutpostServerless.Functions.Logging;

/// <summary>The function's logging and metrics, all writing to one sink and stamped with the current invocation.</summary>
public sealed record FunctionTelemetry(LogContext Context, ILoggerFactory Loggers, EmbeddedMetricsWriter Metrics)
{
    /// <param name="time">Real time, for timestamps: log lines carry when they were written, whatever the steps' clock says.</param>
    public static FunctionTelemetry Create(
        ILogSink sink, string functionName, string step, TimeProvider time, LogLevel minimum = LogLevel.Information, string service = LogContext.DefaultService)
    {
        var context = new LogContext(functionName, step, service);
        return new FunctionTelemetry(context, new JsonLineLoggerFactory(sink, context, time, minimum), new EmbeddedMetricsWriter(sink, time, service));
    }
}
