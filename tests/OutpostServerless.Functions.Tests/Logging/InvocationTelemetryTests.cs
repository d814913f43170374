using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OutpostServerless.Functions.Tests.Support;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Functions.Tests.Logging;

/// <summary>What an invocation leaves in the log: JSON lines stamped with the invocation, and one EMF line of metrics.</summary>
public sealed class InvocationTelemetryTests
{
    private static readonly string Plan = StepEvents.Plan("storefront-web");

    [Fact]
    public async Task A_step_log_line_carries_the_function_request_provisioning_id_and_step()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", Plan));
        var harness = new BootstrapHarness();
        var logger = harness.Telemetry.Loggers.CreateLogger("EnsureVpc");
        harness.WithStep("EnsureVpc", (EnsureVpcInput _) =>
        {
            logger.LogInformation("Created {VpcId}", "vpc-0123");
            return new VpcResource("vpc-0123", "10.0.0.0/16");
        }, StepsJsonContext.Default.EnsureVpcInput, StepsJsonContext.Default.VpcResource);

        await harness.RunAsync(api);

        var line = harness.Sink.Objects.Single(o => o["message"]?.GetValue<string>() == "Created vpc-0123");
        Assert.Equal("INFO", line["level"]!.GetValue<string>());
        Assert.Equal(BootstrapHarness.FunctionName, line["function_name"]!.GetValue<string>());
        Assert.Equal("req-1", line["function_request_id"]!.GetValue<string>());
        Assert.Equal(("outpost-serverless", true), (line["service"]!.GetValue<string>(), line["cold_start"]!.GetValue<bool>()));
        Assert.Equal("storefront-web", line["provisioningId"]!.GetValue<string>());
        Assert.Equal("EnsureVpc", line["step"]!.GetValue<string>());
        Assert.Equal("vpc-0123", line["VpcId"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(line["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public async Task ValidateRequest_events_take_the_provisioning_id_from_the_request_or_the_execution_name()
    {
        await using var api = new FakeRuntimeApi(
            FakeEvent.Of("req-1", """{"request":{"provisioningId":"from-request"},"executionName":"exec"}"""),
            FakeEvent.Of("req-2", """{"request":{},"executionName":"from-execution"}"""));
        var harness = new BootstrapHarness().WithStep(
            "EnsureVpc", (ValidateRequestInput _) => new VpcResource("vpc-0123", "10.0.0.0/16"), RequestJsonContext.Default.ValidateRequestInput, StepsJsonContext.Default.VpcResource);

        await harness.RunAsync(api);

        Assert.Equal(["from-request", "from-execution"], harness.Sink.MetricLines.Select(m => m["provisioningId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Every_invocation_writes_one_EMF_line_with_its_step_duration_as_a_top_level_metric()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", Plan), FakeEvent.Of("req-2", Plan));
        var harness = new BootstrapHarness().With("EnsureVpc", (payload, _) => Task.FromResult(payload));

        await harness.RunAsync(api);

        Assert.Equal(2, harness.Sink.MetricLines.Count);
        var metric = harness.Sink.MetricLines[0];
        var directive = metric["_aws"]!["CloudWatchMetrics"]![0]!;
        Assert.Equal("OutpostServerless", directive["Namespace"]!.GetValue<string>());
        Assert.Equal(["service", "function", "step"], directive["Dimensions"]![0]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(["StepDuration", "ColdStart"], directive["Metrics"]!.AsArray().Select(m => m!["Name"]!.GetValue<string>()));
        Assert.True(metric["StepDuration"]!.GetValue<double>() >= 0);
        Assert.Equal("EnsureVpc", metric["step"]!.GetValue<string>());
        Assert.Equal(BootstrapHarness.FunctionName, metric["function"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_first_invocation_of_a_process_is_a_cold_start()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", Plan), FakeEvent.Of("req-2", Plan));
        var harness = new BootstrapHarness().With("EnsureVpc", (payload, _) => Task.FromResult(payload));

        await harness.RunAsync(api);

        Assert.Equal([true, false], harness.Sink.MetricLines.Select(m => m["coldStart"]!.GetValue<bool>()));
        Assert.Equal(new double?[] { 1, null }, harness.Sink.MetricLines.Select(m => m["ColdStart"]?.GetValue<double>()));
    }

    [Fact]
    public async Task Retries_are_a_metric_only_when_the_event_carries_the_Step_Functions_retry_count()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", Plan), FakeEvent.Of("req-2", StepEvents.Plan("p", retryCount: 2)));
        var harness = new BootstrapHarness().WithStep(
            "EnsureVpc", (EnsureVpcInput _) => new VpcResource("vpc-0123", "10.0.0.0/16"), StepsJsonContext.Default.EnsureVpcInput, StepsJsonContext.Default.VpcResource);

        await harness.RunAsync(api);

        Assert.False(harness.Sink.MetricLines[0].ContainsKey("Retries"));
        Assert.Equal(2, harness.Sink.MetricLines[1]["Retries"]!.GetValue<double>());
        Assert.Contains("Retries", harness.Sink.MetricLines[1]["_aws"]!["CloudWatchMetrics"]![0]!["Metrics"]!.AsArray().Select(m => m!["Name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_capacity_wait_a_step_reports_becomes_the_CapacityWait_metric_in_seconds()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", Plan));
        var harness = new BootstrapHarness("CheckCapacity").WithStep(
            "CheckCapacity",
            (CheckCapacityInput _) => new CapacityGate(HasCapacity: false, Exhausted: false, FreeSlots: 0, WaitedSeconds: 600, NextWaitSeconds: 60, LaunchRejected: false, Reason: "waiting"),
            StepsJsonContext.Default.CheckCapacityInput,
            StepsJsonContext.Default.CapacityGate);

        await harness.RunAsync(api);

        var metric = harness.Sink.MetricLines.Single();
        Assert.Equal(600, metric["CapacityWait"]!.GetValue<double>());
        var definition = metric["_aws"]!["CloudWatchMetrics"]![0]!["Metrics"]!.AsArray().Single(m => m!["Name"]!.GetValue<string>() == "CapacityWait")!;
        Assert.Equal("Seconds", definition["Unit"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_invocation_is_logged_as_an_error_and_counted_with_its_error_type()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", Plan));
        var harness = new BootstrapHarness().With("EnsureVpc", (_, _) => throw new InvalidOperationException("bug"));

        await harness.RunAsync(api);

        Assert.Contains(harness.Sink.Objects, o => o["level"]?.GetValue<string>() == "ERROR" && o["function_request_id"]?.GetValue<string>() == "req-1");
        Assert.Equal("InvalidOperationException", harness.Sink.MetricLines.Single()["errorType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_line_is_a_single_JSON_object()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", Plan));
        var harness = new BootstrapHarness().With("EnsureVpc", (_, _) => throw new InvalidOperationException("multi\nline\nmessage"));

        await harness.RunAsync(api);

        Assert.NotEmpty(harness.Sink.Lines);
        Assert.All(harness.Sink.Lines, line =>
        {
            Assert.DoesNotContain('\n', line);
            Assert.IsType<JsonObject>(JsonNode.Parse(line));
        });
    }
}
