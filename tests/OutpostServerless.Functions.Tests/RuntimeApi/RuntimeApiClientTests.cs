using System.Net;
using System.Text.Json.Nodes;
using OutpostServerless.Functions.Errors;
using OutpostServerless.Functions.RuntimeApi;
using OutpostServerless.Functions.Tests.Support;

namespace OutpostServerless.Functions.Tests.RuntimeApi;

/// <summary>The runtime's side of the Lambda Runtime API, against a fake API that records every byte it receives.</summary>
public sealed class RuntimeApiClientTests
{
    private static readonly DateTimeOffset Deadline = DateTimeOffset.FromUnixTimeMilliseconds(1_767_603_660_123);

    [Fact]
    public async Task Next_returns_the_event_with_its_request_id_deadline_function_arn_and_trace_id()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", """{"a":1}""", Deadline, "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1"));
        using var client = new RuntimeApiClient(api.Address);

        var invocation = await client.NextAsync(CancellationToken.None);

        Assert.Equal("req-1", invocation.RequestId);
        Assert.Equal("""{"a":1}""", invocation.Payload);
        Assert.Equal(Deadline, invocation.Deadline);
        Assert.Equal("arn:aws:lambda:us-west-2:123456789012:function:EnsureVpcFunction", invocation.InvokedFunctionArn);
        Assert.Equal("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1", invocation.TraceId);
        Assert.Equal("/2018-06-01/runtime/invocation/next", api.Requests.Single().Path);
    }

    [Fact]
    public async Task Next_reads_the_headers_whatever_their_case()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-lower", "{}", Deadline, "Root=1-x", lowerCaseNames: true));
        using var client = new RuntimeApiClient(api.Address);

        var invocation = await client.NextAsync(CancellationToken.None);

        Assert.Equal("req-lower", invocation.RequestId);
        Assert.Equal(Deadline, invocation.Deadline);
        Assert.Equal("Root=1-x", invocation.TraceId);
    }

    [Fact]
    public async Task Under_the_emulator_Next_reads_the_emulators_time_when_it_sends_one()
    {
        var emulated = new DateTimeOffset(2026, 1, 5, 9, 20, 0, TimeSpan.Zero).AddTicks(1234);
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", "{}", emulatedTime: emulated));
        using var client = new RuntimeApiClient(api.Address, readsEmulatedTime: true);

        var invocation = await client.NextAsync(CancellationToken.None);

        Assert.Equal(emulated, invocation.EmulatedTime);
    }

    [Fact]
    public async Task A_deployed_runtime_ignores_an_emulated_time_header_even_a_malformed_one()
    {
        await using var api = new FakeRuntimeApi(FakeEvent.Of("req-1", "{}", emulatedTime: new DateTimeOffset(2026, 1, 5, 9, 20, 0, TimeSpan.Zero)));
        using var client = new RuntimeApiClient(api.Address);

        var invocation = await client.NextAsync(CancellationToken.None);

        Assert.Null(invocation.EmulatedTime);
    }

    [Fact]
    public async Task An_event_without_a_request_id_is_refused()
    {
        await using var api = new FakeRuntimeApi(new FakeEvent("{}", [("Lambda-Runtime-Deadline-Ms", "1767603660123")]));
        using var client = new RuntimeApiClient(api.Address);

        var refused = await Assert.ThrowsAsync<RuntimeApiException>(() => client.NextAsync(CancellationToken.None));

        Assert.Contains("Lambda-Runtime-Aws-Request-Id", refused.Message);
    }

    [Fact]
    public async Task A_container_error_on_next_tells_the_runtime_to_exit()
    {
        await using var api = new FakeRuntimeApi();
        using var client = new RuntimeApiClient(api.Address);

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => client.NextAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.True(error.MustExit);
    }

    [Fact]
    public async Task Respond_posts_the_payload_to_the_invocations_response_path()
    {
        await using var api = new FakeRuntimeApi();
        using var client = new RuntimeApiClient(api.Address);

        await client.RespondAsync("req-7", """{"vpcId":"vpc-1"}""", CancellationToken.None);

        var post = api.Posts.Single();
        Assert.Equal("/2018-06-01/runtime/invocation/req-7/response", post.Path);
        Assert.Equal("""{"vpcId":"vpc-1"}""", post.Body);
    }

    [Fact]
    public async Task ReportError_sends_the_error_type_header_and_the_lambda_error_body()
    {
        await using var api = new FakeRuntimeApi();
        using var client = new RuntimeApiClient(api.Address);

        await client.ReportErrorAsync("req-8", new FunctionError("Provisioning.CapacityUnavailable", "No c5.large slots", ["at A", "at B"]), CancellationToken.None);

        var post = api.Posts.Single();
        Assert.Equal("/2018-06-01/runtime/invocation/req-8/error", post.Path);
        Assert.Equal("Provisioning.CapacityUnavailable", post.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.StartsWith("application/vnd.aws.lambda.error+json", post.Headers["Content-Type"], StringComparison.Ordinal);
        var body = JsonNode.Parse(post.Body)!;
        Assert.Equal("No c5.large slots", body["errorMessage"]!.GetValue<string>());
        Assert.Equal("Provisioning.CapacityUnavailable", body["errorType"]!.GetValue<string>());
        Assert.Equal(["at A", "at B"], body["stackTrace"]!.AsArray().Select(line => line!.GetValue<string>()));
    }

    [Fact]
    public async Task ReportInitError_posts_to_the_init_error_path()
    {
        await using var api = new FakeRuntimeApi();
        using var client = new RuntimeApiClient(api.Address);

        await client.ReportInitErrorAsync(new FunctionError("Runtime.HandlerNotFound", "No handler named 'X'.", []), CancellationToken.None);

        var post = api.Posts.Single();
        Assert.Equal("/2018-06-01/runtime/init/error", post.Path);
        Assert.Equal("Runtime.HandlerNotFound", post.Headers["Lambda-Runtime-Function-Error-Type"]);
    }

    [Fact]
    public async Task A_refused_post_is_an_error_the_runtime_can_survive()
    {
        await using var api = new FakeRuntimeApi { PostStatus = HttpStatusCode.RequestEntityTooLarge };
        using var client = new RuntimeApiClient(api.Address);

        var refused = await Assert.ThrowsAsync<RuntimeApiException>(() => client.RespondAsync("req-9", "{}", CancellationToken.None));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.False(refused.MustExit);
    }
}
