using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Lambda;

// Not ".Process": that namespace would hide System.Diagnostics.Process from every test namespace beside it.
namespace OutpostServerless.Cli.Tests.LambdaProcess;

/// <summary>The emulator's Lambda: its Runtime API server and process management, against fake runtimes.</summary>
public sealed class LambdaServiceTests
{
    private static LambdaService ServiceWith(LambdaFunctionConfiguration function, LambdaServiceOptions? options = null)
    {
        var service = new LambdaService(options ?? new LambdaServiceOptions { EndpointUrl = new Uri("http://127.0.0.1:4566") });
        service.AddFunction(function);
        return service;
    }

    private static JsonObject Json(LambdaInvocationResult result) => JsonNode.Parse(result.Payload!)!.AsObject();

    [Fact]
    public async Task The_event_reaches_the_runtime_and_its_response_comes_back()
    {
        await using var lambda = ServiceWith(FakeRuntime.Function(FakeRuntime.Echo));

        var result = await lambda.InvokeAsync("EnsureVpcFunction", """{"n":42}""", CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(42, Json(result)["echo"]!["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_first_invocation_starts_a_process_cold_and_the_next_reuses_it_warm()
    {
        await using var lambda = ServiceWith(FakeRuntime.Function(FakeRuntime.Echo));

        var first = await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None);
        var second = await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None);

        Assert.True(first.ColdStart);
        Assert.NotNull(first.InitDuration);
        Assert.False(second.ColdStart);
        Assert.Null(second.InitDuration);
        Assert.Equal(first.ProcessId, second.ProcessId);
        Assert.Equal(1, lambda.EnvironmentCount);
    }

    [Fact]
    public async Task Invocations_at_the_same_time_each_get_an_environment_of_their_own()
    {
        await using var lambda = ServiceWith(FakeRuntime.Function(FakeRuntime.Echo));

        var both = await Task.WhenAll(
            lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None),
            lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None));

        Assert.All(both, result => Assert.True(result.ColdStart));
        Assert.NotEqual(both[0].ProcessId, both[1].ProcessId);
    }

    [Fact]
    public async Task The_runtime_gets_the_environment_Lambda_sets_for_a_custom_runtime()
    {
        const string script = """
            next
            respond "{\"name\":\"$AWS_LAMBDA_FUNCTION_NAME\",\"handler\":\"$_HANDLER\",\"region\":\"$AWS_REGION\",\"endpoint\":\"$AWS_ENDPOINT_URL\",\"key\":\"$AWS_ACCESS_KEY_ID\",\"secret\":\"$AWS_SECRET_ACCESS_KEY\",\"taskRoot\":\"$LAMBDA_TASK_ROOT\",\"memory\":\"$AWS_LAMBDA_FUNCTION_MEMORY_SIZE\",\"version\":\"$AWS_LAMBDA_FUNCTION_VERSION\",\"logGroup\":\"$AWS_LAMBDA_LOG_GROUP_NAME\",\"cwd\":\"$PWD\"}"
            """;
        var function = FakeRuntime.Function(script);
        await using var lambda = ServiceWith(function);

        var environment = Json(await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None));

        Assert.Equal("EnsureVpcFunction", environment["name"]!.GetValue<string>());
        Assert.Equal("EnsureVpc", environment["handler"]!.GetValue<string>());
        Assert.Equal("us-west-2", environment["region"]!.GetValue<string>());
        Assert.Equal("http://127.0.0.1:4566", environment["endpoint"]!.GetValue<string>());
        Assert.Equal("test", environment["key"]!.GetValue<string>());
        Assert.Equal("test", environment["secret"]!.GetValue<string>());
        Assert.Equal(function.Bootstrap.TaskRoot, environment["taskRoot"]!.GetValue<string>());
        Assert.Equal(function.Bootstrap.TaskRoot, environment["cwd"]!.GetValue<string>());
        Assert.Equal("512", environment["memory"]!.GetValue<string>());
        Assert.Equal("$LATEST", environment["version"]!.GetValue<string>());
        Assert.Equal("/aws/lambda/EnsureVpcFunction", environment["logGroup"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_event_comes_with_its_request_id_deadline_function_arn_and_trace_id()
    {
        const string script = """
            while next; do respond "{\"requestId\":\"$request_id\",\"deadline\":$deadline,\"arn\":\"$arn\",\"trace\":\"$trace\"}"; done
            """;
        await using var lambda = ServiceWith(FakeRuntime.Function(script));
        var before = DateTimeOffset.UtcNow;

        var result = await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None);
        var again = await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None);

        var headers = Json(result);
        Assert.Equal(result.RequestId, headers["requestId"]!.GetValue<string>());
        Assert.True(DateTimeOffset.FromUnixTimeMilliseconds(headers["deadline"]!.GetValue<long>()) >= before.AddSeconds(60).AddMilliseconds(-1));
        Assert.Equal("arn:aws:lambda:us-west-2:123456789012:function:EnsureVpcFunction", headers["arn"]!.GetValue<string>());
        Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$", headers["trace"]!.GetValue<string>());
        Assert.NotEqual(headers["trace"]!.GetValue<string>(), Json(again)["trace"]!.GetValue<string>());
        Assert.NotEqual(result.RequestId, again.RequestId);
    }

    [Fact]
    public async Task With_an_emulated_clock_each_event_carries_the_worlds_time_and_the_runtime_is_told_to_read_it()
    {
        var worldTime = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(worldTime);
        const string script = """while next; do respond "{\"emulated\":\"$emulated\",\"told\":\"$OUTPOST_SERVERLESS_EMULATED_TIME\"}"; done""";
        await using var lambda = ServiceWith(FakeRuntime.Function(script), new LambdaServiceOptions { EmulatedClock = clock });

        var first = Json(await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(20));
        var second = Json(await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None));

        Assert.Equal("header", first["told"]!.GetValue<string>());
        Assert.Equal(worldTime, DateTimeOffset.Parse(first["emulated"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(worldTime.AddMinutes(20), DateTimeOffset.Parse(second["emulated"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Without_an_emulated_clock_events_carry_no_time_of_ours_and_the_runtime_keeps_its_clock()
    {
        const string script = """while next; do respond "{\"emulated\":\"$emulated\",\"told\":\"$OUTPOST_SERVERLESS_EMULATED_TIME\"}"; done""";
        await using var lambda = ServiceWith(FakeRuntime.Function(script));

        var result = Json(await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None));

        Assert.Equal("", result["emulated"]!.GetValue<string>());
        Assert.Equal("", result["told"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_posted_error_is_named_by_its_body()
    {
        const string script = """
            while next; do
              post "/2018-06-01/runtime/invocation/$request_id/error" '{"errorMessage":"boom","errorType":"Provisioning.Boom","stackTrace":["at X"]}' "Lambda-Runtime-Function-Error-Type: Other"
            done
            """;
        await using var lambda = ServiceWith(FakeRuntime.Function(script));

        var result = await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None);

        Assert.Equal(new LambdaFunctionError("Provisioning.Boom", "boom"), result.Error! with { StackTrace = null });
        Assert.Equal(["at X"], result.Error!.StackTrace!);
    }

    [Fact]
    public async Task A_posted_error_without_a_body_is_named_by_its_header()
    {
        const string script = """
            while next; do post "/2018-06-01/runtime/invocation/$request_id/error" "" "Lambda-Runtime-Function-Error-Type: Custom.Failure"; done
            """;
        await using var lambda = ServiceWith(FakeRuntime.Function(script));

        var result = await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None);

        Assert.Equal("Custom.Failure", result.Error!.ErrorType);
    }

    [Fact]
    public async Task A_response_for_an_unknown_request_id_is_refused_and_the_invocation_still_waits_for_its_own()
    {
        const string script = """
            while next; do
              post "/2018-06-01/runtime/invocation/not-$request_id/response" '{"wrong":true}'
              respond '{"right":true}'
            done
            """;
        await using var lambda = ServiceWith(FakeRuntime.Function(script));

        var result = await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None);

        Assert.True(Json(result)["right"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_init_error_fails_the_invocation_with_it_and_the_next_invocation_starts_afresh()
    {
        const string script = """
            post "/2018-06-01/runtime/init/error" '{"errorMessage":"No handler named X","errorType":"Runtime.HandlerNotFound"}' "Lambda-Runtime-Function-Error-Type: Runtime.HandlerNotFound"
            exit 1
            """;
        await using var lambda = ServiceWith(FakeRuntime.Function(script));

        var first = await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None);
        var second = await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None);

        Assert.Equal("Runtime.HandlerNotFound", first.Error!.ErrorType);
        Assert.Equal("No handler named X", first.Error.ErrorMessage);
        Assert.True(second.ColdStart);
        Assert.NotEqual(first.ProcessId, second.ProcessId);
    }

    [Fact]
    public async Task A_runtime_that_exits_fails_the_invocation_with_Runtime_ExitError()
    {
        await using var lambda = ServiceWith(FakeRuntime.Function("next; exit 3"));

        var result = await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None);

        Assert.Equal("Runtime.ExitError", result.Error!.ErrorType);
        Assert.Equal($"RequestId: {result.RequestId} Error: Runtime exited with error: exit status 3", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task A_runtime_that_misses_its_deadline_fails_with_Sandbox_Timedout_and_is_replaced()
    {
        const string script = """
            next
            [ -f answered ] || { touch answered; sleep 600; }
            respond '{"late":false}'
            """;
        // Long enough for the replacement's cold start on a loaded machine, short enough for a test.
        await using var lambda = ServiceWith(FakeRuntime.Function(script, timeout: TimeSpan.FromSeconds(3)));

        var timedOut = await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None);
        var next = await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None);

        Assert.Equal("Sandbox.Timedout", timedOut.Error!.ErrorType);
        Assert.Equal($"RequestId: {timedOut.RequestId} Error: Task timed out after 3.00 seconds", timedOut.Error.ErrorMessage);
        Assert.True(next.ColdStart);
        Assert.True(next.Succeeded, next.Error?.ErrorMessage);
    }

    [Fact]
    public async Task What_the_runtime_writes_is_kept_as_its_log()
    {
        await using var lambda = ServiceWith(FakeRuntime.Function("echo \"starting $AWS_LAMBDA_FUNCTION_NAME\"; echo oops >&2; " + FakeRuntime.Echo));

        var result = await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None);
        await lambda.DisposeAsync();

        Assert.Contains(new LambdaLogLine("EnsureVpcFunction", result.ProcessId, "starting EnsureVpcFunction", IsStandardError: false), lambda.Logs);
        Assert.Contains(new LambdaLogLine("EnsureVpcFunction", result.ProcessId, "oops", IsStandardError: true), lambda.Logs);
    }

    [Fact]
    public async Task Disposing_the_service_kills_its_processes()
    {
        var lambda = ServiceWith(FakeRuntime.Function(FakeRuntime.Echo));
        var result = await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None);

        await lambda.DisposeAsync();

        Assert.Throws<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(result.ProcessId));
    }

    [Fact]
    public async Task Invoking_a_function_that_is_not_configured_is_ResourceNotFound()
    {
        await using var lambda = ServiceWith(FakeRuntime.Function(FakeRuntime.Echo));

        var missing = await Assert.ThrowsAsync<LambdaFunctionNotFoundException>(() => lambda.InvokeAsync("NoSuchFunction", "{}", CancellationToken.None));

        Assert.Equal("NoSuchFunction", missing.FunctionName);
    }

    [Fact]
    public async Task The_result_reports_the_processes_peak_memory()
    {
        await using var lambda = ServiceWith(FakeRuntime.Function(FakeRuntime.Echo));

        var result = await lambda.InvokeAsync("EnsureVpcFunction", "{}", CancellationToken.None);

        Assert.True(result.MaxMemoryUsedBytes > 0);
    }
}
