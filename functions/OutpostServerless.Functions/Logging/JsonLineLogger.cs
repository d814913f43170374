using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OutpostServerless.Functions.Logging;

/// <summary>
/// An <see cref="ILogger"/> writing one JSON object per line, with the keys Powertools for AWS Lambda users search by
/// (timestamp, level, message, service, cold_start, function_name, function_request_id, xray_trace_id), then ours
/// (provisioningId, step, category), then the message template's own fields (a structured field never overwrites
/// one of those, whatever its case) and the exception, if any.
/// </summary>
public sealed class JsonLineLogger(string category, ILogSink sink, LogContext context, TimeProvider time, LogLevel minimum) : ILogger
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "timestamp", "level", "message", "service", "cold_start", "function_name", "function_request_id", "xray_trace_id",
        "provisioningId", "step", "category", "exception", "errorType",
    };

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        sink.WriteLine(JsonLine.Write(writer =>
        {
            writer.WriteString("timestamp", time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("level", LambdaLogLevel.NameOf(logLevel));
            writer.WriteString("message", message);
            writer.WriteString("service", context.Service);
            if (context.ColdStart is { } coldStart)
            {
                writer.WriteBoolean("cold_start", coldStart);
            }

            writer.WriteString("function_name", context.FunctionName);
            writer.WriteStringIfPresent("function_request_id", context.RequestId);
            writer.WriteStringIfPresent("xray_trace_id", context.TraceId);
            writer.WriteStringIfPresent("provisioningId", context.ProvisioningId);
            writer.WriteStringIfPresent("step", context.Step);
            writer.WriteString("category", category);
            if (state is IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                foreach (var (name, value) in fields)
                {
                    if (name != "{OriginalFormat}" && !Reserved.Contains(name))
                    {
                        WriteField(writer, name, value);
                    }
                }
            }

            if (exception is not null)
            {
                writer.WriteString("errorType", exception.GetType().Name);
                writer.WriteString("exception", exception.ToString());
            }
        }));
    }

    private static void WriteField(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(name);
                break;
            case bool flag:
                writer.WriteBoolean(name, flag);
                break;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                writer.WriteNumber(name, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                writer.WriteNumber(name, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset at:
                writer.WriteString(name, at);
                break;
            default:
                writer.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
