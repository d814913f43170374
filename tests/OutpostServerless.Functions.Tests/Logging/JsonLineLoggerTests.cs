using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OutpostServerless.Functions.Logging;
using OutpostServerless.Functions.Tests.Support;

namespace OutpostServerless.Functions.Tests.Logging;

public sealed class JsonLineLoggerTests
{
    [Theory]
    [InlineData("DEBUG", LogLevel.Debug)]
    [InlineData("warn", LogLevel.Warning)]
    [InlineData("FATAL", LogLevel.Critical)]
    [InlineData(null, LogLevel.Information)]
    [InlineData("verbose", LogLevel.Information)]
    public void AWS_LAMBDA_LOG_LEVEL_names_the_minimum_level(string? name, LogLevel expected) =>
        Assert.Equal(expected, LambdaLogLevel.Parse(name));

    [Fact]
    public void Lines_below_the_minimum_level_are_not_written()
    {
        var sink = new ListSink();
        var logger = new JsonLineLoggerFactory(sink, new LogContext("f", "s"), TimeProvider.System, LogLevel.Warning).CreateLogger("c");

        logger.LogInformation("quiet");
        logger.LogWarning("loud");

        Assert.Equal(["loud"], sink.Objects.Select(o => o["message"]!.GetValue<string>()));
    }

    [Fact]
    public void A_structured_field_never_overwrites_the_fields_every_line_carries()
    {
        var sink = new ListSink();
        var context = new LogContext("f", "EnsureVpc");
        context.Begin("req-1", "p-1");
        var logger = new JsonLineLoggerFactory(sink, context, TimeProvider.System).CreateLogger("c");

        logger.LogInformation("Step {Step} for {RequestId} took {Seconds}", "other", "forged", 1.5);

        var line = sink.Objects.Single();
        Assert.Equal("EnsureVpc", line["step"]!.GetValue<string>());
        Assert.Equal("req-1", line["function_request_id"]!.GetValue<string>());
        Assert.Equal(1.5, line["Seconds"]!.GetValue<double>());
    }

    [Fact]
    public void Outside_an_invocation_a_line_has_no_request_id()
    {
        var sink = new ListSink();
        var logger = new JsonLineLoggerFactory(sink, new LogContext("f", "s"), TimeProvider.System).CreateLogger("c");

        logger.LogInformation("init");

        Assert.False(sink.Objects.Single().ContainsKey("requestId"));
    }

    [Fact]
    public void An_exception_is_written_with_its_type_name()
    {
        var sink = new ListSink();
        var logger = new JsonLineLoggerFactory(sink, new LogContext("f", "s"), TimeProvider.System).CreateLogger("c");

        logger.LogError(new TimeoutException("slow"), "failed");

        var line = sink.Objects.Single();
        Assert.Equal("TimeoutException", line["errorType"]!.GetValue<string>());
        Assert.Contains("slow", line["exception"]!.GetValue<string>());
        Assert.IsType<JsonObject>(line);
    }
}
