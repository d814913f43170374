using Microsoft.Extensions.Logging;

namespace OutpostServerless.Functions.Logging;

/// <summary>Log levels named as Lambda's JSON log format and <c>AWS_LAMBDA_LOG_LEVEL</c> name them.</summary>
public static class LambdaLogLevel
{
    public static string NameOf(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "FATAL",
        _ => "NONE",
    };

    /// <summary>The minimum level <c>AWS_LAMBDA_LOG_LEVEL</c> asks for; INFO when unset or unknown.</summary>
    public static LogLevel Parse(string? name) => name?.ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };
}
