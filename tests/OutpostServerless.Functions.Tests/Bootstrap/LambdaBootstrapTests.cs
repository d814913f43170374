using System.Net;
using System.Text.Json.Nodes;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Functions.Bootstrap;
using OutpostServerless.Functions.Tests.Support;

namespace OutpostServerless.Functions.Tests.Bootstrap;

/// <summary>The custom runtime's loop, as Lambda documents it, against a fake Runtime API.</summary>
public sealed class LambdaBootstrapTests
{
    private const string Plan = """{"plan":{"provisioningId":"storefront-web"}}""";

    [Fact]
    public async Task Each_event_is_answered_with_the_handlers_response_in_turn()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", """{"n":1}"""), FakeEvent.Of("req-2", """{"n":2}"""));
        var harness = new BootstrapHarness().With("EnsureVpc", (payload, _) => Task.FromResult($$"""{"echo":{{payload}}}"""));

        await harness.RunAsync(api);

        Assert.Collection(api.Posts,
            first => Assert.Equal(("/2018-06-01/runtime/invocation/req-1/response", """{"echo":{"n":1}}"""), (first.Path, first.Body)),
            second => Assert.Equal(("/2018-06-01/runtime/invocation/req-2/response", """{"echo":{"n":2}}"""), (second.Path, second.Body)));
    }

    [Fact]
    public async Task The_runtime_exits_when_the_Runtime_API_reports_a_container_error()
    {
        await using var api = new FakeRuntimeApi();
        var harness = new BootstrapHarness().With("EnsureVpc", (payload, _) => Task.FromResult(payload));

        var exitCode = await harness.RunAsync(api);

        Assert.Equal(BootstrapExitCodes.RuntimeApiFailed, exitCode);
    }

    [Fact]
    public async Task A_handler_failure_is_posted_as_an_error_named_after_its_AWS_error_code()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", Plan));
        var harness = new BootstrapHarness().With("EnsureVpc", (_, _) => throw new AwsServiceError("ecs", "ThrottlingException", "Rate exceeded"));

        await harness.RunAsync(api);

        var post = api.Posts.Single();
        Assert.Equal("/2018-06-01/runtime/invocation/req-1/error", post.Path);
        Assert.Equal("ThrottlingException", post.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Equal("Rate exceeded", JsonNode.Parse(post.Body)!["errorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_handler_is_an_init_error_after_which_the_runtime_exits_without_taking_events()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", Plan));
        var harness = new BootstrapHarness(handler: "EnsureVcp").With("EnsureVpc", (payload, _) => Task.FromResult(payload));

        var exitCode = await harness.RunAsync(api);

        Assert.Equal(BootstrapExitCodes.InitError, exitCode);
        var request = Assert.Single(api.Requests);
        Assert.Equal("/2018-06-01/runtime/init/error", request.Path);
        Assert.Equal("Runtime.HandlerNotFound", request.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Contains("EnsureVpc", JsonNode.Parse(request.Body)!["errorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_configured_handler_is_built_during_init_so_its_bad_configuration_is_an_init_error()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", Plan));
        var harness = new BootstrapHarness();
        harness.Handlers["EnsureVpc"] = () => throw new InvalidOperationException("PROVISIONING_TABLE is not set");

        var exitCode = await harness.RunAsync(api);

        Assert.Equal(BootstrapExitCodes.InitError, exitCode);
        var request = Assert.Single(api.Requests);
        Assert.Equal("/2018-06-01/runtime/init/error", request.Path);
        Assert.Contains("PROVISIONING_TABLE", JsonNode.Parse(request.Body)!["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_initialization_is_reported_as_an_init_error_named_after_the_exception()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", Plan));
        var harness = new BootstrapHarness();

        var exitCode = await harness.RunAsync(api, () => throw new InvalidOperationException("no region"));

        Assert.Equal(BootstrapExitCodes.InitError, exitCode);
        var request = Assert.Single(api.Requests);
        Assert.Equal("/2018-06-01/runtime/init/error", request.Path);
        Assert.Equal(nameof(InvalidOperationException), request.Headers["Lambda-Runtime-Function-Error-Type"]);
    }

    [Fact]
    public async Task At_the_deadline_the_handlers_token_is_cancelled_and_the_timeout_reported_as_Lambda_does()
    {
        // The deadline has already passed when the event arrives.
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", Plan, deadline: DateTimeOffset.UtcNow.AddSeconds(-1)));
        var harness = new BootstrapHarness().With("EnsureVpc", async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return "{}";
        });

        await harness.RunAsync(api);

        var post = api.Posts.Single();
        Assert.Equal("/2018-06-01/runtime/invocation/req-1/error", post.Path);
        Assert.Equal("Sandbox.Timedout", post.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Contains("Task timed out", JsonNode.Parse(post.Body)!["errorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_invocation_sees_its_own_trace_id_in_X_AMZN_TRACE_ID()
    {
        await using var api = new FakeRuntimeApi(
            FakeEvent.Of("req-1", "{}", traceId: "Root=1-00000001-aaaaaaaaaaaaaaaaaaaaaaaa"),
            FakeEvent.Of("req-2", "{}", traceId: "Root=1-00000002-bbbbbbbbbbbbbbbbbbbbbbbb"));
        var harness = new BootstrapHarness();
        harness.With("EnsureVpc", (_, _) => Task.FromResult($"\"{harness.Environment.GetVariable("_X_AMZN_TRACE_ID")}\""));

        await harness.RunAsync(api);

        Assert.Equal(["\"Root=1-00000001-aaaaaaaaaaaaaaaaaaaaaaaa\"", "\"Root=1-00000002-bbbbbbbbbbbbbbbbbbbbbbbb\""], api.Posts.Select(p => p.Body));
    }

    [Fact]
    public async Task An_event_without_a_trace_id_does_not_inherit_the_previous_one()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", "{}", traceId: "Root=1-00000001-aaaaaaaaaaaaaaaaaaaaaaaa"), FakeEvent.Of("req-2", "{}"));
        var harness = new BootstrapHarness();
        harness.With("EnsureVpc", (_, _) => Task.FromResult($"\"{harness.Environment.GetVariable("_X_AMZN_TRACE_ID") ?? "none"}\""));

        await harness.RunAsync(api);

        Assert.Equal("\"none\"", api.Posts[1].Body);
    }

    [Fact]
    public async Task Under_the_emulator_the_steps_read_the_emulated_worlds_time_when_the_event_carries_it()
    {
        var emulated = new DateTimeOffset(2026, 1, 5, 9, 20, 0, TimeSpan.Zero);
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", "{}", emulatedTime: emulated));
        var harness = new BootstrapHarness();
        harness.Environment.SetVariable(EmulatorVariables.EmulatedTime, EmulatorVariables.EmulatedTimeFromHeader);
        harness.With("EnsureVpc", (_, _) => Task.FromResult($"\"{harness.StepClock.GetUtcNow():O}\""));

        await harness.RunAsync(api);

        Assert.Equal($"\"{emulated:O}\"", api.Posts.Single().Body);
    }

    [Fact]
    public async Task A_deployed_runtime_keeps_the_system_clock_whatever_time_an_event_claims()
    {
        var claimed = new DateTimeOffset(2020, 1, 5, 9, 20, 0, TimeSpan.Zero);
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", "{}", emulatedTime: claimed));
        var harness = new BootstrapHarness();
        harness.With("EnsureVpc", (_, _) => Task.FromResult($"\"{harness.StepClock.GetUtcNow().Year}\""));

        await harness.RunAsync(api);

        Assert.Equal($"\"{DateTimeOffset.UtcNow.Year}\"", api.Posts.Single().Body);
    }

    [Fact]
    public async Task A_response_the_Runtime_API_refuses_does_not_stop_the_runtime()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", "{}"), FakeEvent.Of("req-2", "{}")) { PostStatus = HttpStatusCode.RequestEntityTooLarge };
        var harness = new BootstrapHarness().With("EnsureVpc", (payload, _) => Task.FromResult(payload));

        await harness.RunAsync(api);

        Assert.Equal(["/2018-06-01/runtime/invocation/req-1/response", "/2018-06-01/runtime/invocation/req-2/response"], api.Posts.Select(p => p.Path));
    }
}
