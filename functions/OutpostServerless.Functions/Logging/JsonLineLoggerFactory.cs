using Microsoft.Extensions.Logging;

namespace OutpostServerless.Functions.Logging;

/// <summary>Makes <see cref="JsonLineLogger"/>s that share one sink and the invocation's <see cref="LogContext"/>.</summary>
public sealed class JsonLineLoggerFactory(ILogSink sink, LogContext context, TimeProvider time, LogLevel minimum = LogLevel.Information) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new JsonLineLogger(categoryName, sink, context, time, minimum);

    /// <summary>Providers are not supported: every line goes to the one sink, as on Lambda.</summary>
    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("The bootstrap writes every log line to its one sink.");

    public void Dispose()
    {
    }
}
