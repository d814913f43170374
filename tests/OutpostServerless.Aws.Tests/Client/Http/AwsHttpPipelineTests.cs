using System.Net;
using System.Net.Sockets;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Client.Retry;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Protocols.Json;
using OutpostServerless.Aws.Tests.Testing;
using OutpostServerless.Testing.Fakes;

namespace OutpostServerless.Aws.Tests.Client.Http;

public sealed class AwsHttpPipelineTests : IDisposable
{
    private const string Throttled = """{"__type":"ThrottlingException","message":"Rate exceeded"}""";
    private const string Ok = """{"clusters":[],"failures":[]}""";

    private ClientHarness _harness = new();

    private static AwsRequest DescribeClusters() => new(
        "DescribeClusters", HttpMethod.Post, "/", [], [new("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.DescribeClusters")], "{}"u8.ToArray(), "application/x-amz-json-1.1");

    private Task<AwsResponse> SendAsync(CancellationToken cancellationToken = default) =>
        _harness.Pipeline.SendAsync(AwsService.Ecs, ClientHarness.Endpoint(AwsService.Ecs), DescribeClusters(), new JsonErrorParser(), cancellationToken);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Inside_a_Lambda_invocation_every_request_carries_its_trace_id_unsigned_as_the_SDKs_send_it()
    {
        const string trace = "Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1";
        _harness.Dispose();
        _harness = new ClientHarness(environment: new FakeEnvironment(new Dictionary<string, string> { ["_X_AMZN_TRACE_ID"] = trace }));
        _harness.Handler.RespondJson(Ok);

        await SendAsync();

        Assert.Equal(trace, _harness.Handler.LastRequest.Header("X-Amzn-Trace-Id"));
        Assert.DoesNotContain("x-amzn-trace-id", _harness.Handler.LastRequest.Header("Authorization"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Outside_a_Lambda_invocation_no_trace_id_is_sent()
    {
        _harness.Handler.RespondJson(Ok);

        await SendAsync();

        Assert.Null(_harness.Handler.LastRequest.Header("X-Amzn-Trace-Id"));
    }

    [Fact]
    public async Task A_throttled_call_is_retried_after_a_jittered_back_off_and_then_succeeds()
    {
        _harness.Handler.RespondJson(Throttled, HttpStatusCode.BadRequest).RespondJson(Ok);

        var response = await SendAsync();

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(2, _harness.Handler.Requests.Count);
        Assert.Equal([TimeSpan.FromMilliseconds(50)], _harness.Clock.Waits);
    }

    [Fact]
    public async Task A_server_error_that_persists_is_tried_three_times_then_surfaces()
    {
        _harness.Handler.RespondJson("""{"__type":"ServerException","message":"Service unavailable"}""", HttpStatusCode.ServiceUnavailable);

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => SendAsync());

        Assert.Equal(("ServerException", HttpStatusCode.ServiceUnavailable), (error.ErrorCode, error.StatusCode));
        Assert.Equal(3, _harness.Handler.Requests.Count);
        Assert.Equal([TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)], _harness.Clock.Waits);
    }

    [Fact]
    public async Task The_attempt_budget_is_configurable()
    {
        _harness.Dispose();
        _harness = new ClientHarness(new RetryOptions { MaxAttempts = 5 });
        _harness.Handler.RespondJson(Throttled, HttpStatusCode.BadRequest);

        await Assert.ThrowsAsync<AwsServiceError>(() => SendAsync());

        Assert.Equal(5, _harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_carries_code_message_status_and_request_id()
    {
        _harness.Handler.RespondJson("""{"__type":"ClusterNotFoundException","message":"Cluster not found."}""", HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => SendAsync());

        Assert.Equal(
            ("ecs", "ClusterNotFoundException", "Cluster not found.", HttpStatusCode.BadRequest, "8a4b7c3e-5f6d-4e2a-9b1c-0d2e3f4a5b6c"),
            (error.Service, error.ErrorCode, error.Message, error.StatusCode, error.RequestId));
        Assert.Single(_harness.Handler.Requests);
        Assert.Empty(_harness.Clock.Waits);
    }

    [Fact]
    public async Task A_connection_reset_is_retried()
    {
        _harness.Handler
            .Throw(new HttpRequestException("The response ended prematurely.", new IOException("Connection reset by peer", new SocketException((int)SocketError.ConnectionReset))))
            .RespondJson(Ok);

        var response = await SendAsync();

        Assert.Equal((HttpStatusCode.OK, 2), (response.Status, _harness.Handler.Requests.Count));
    }

    [Fact]
    public async Task A_connection_that_never_succeeds_fails_with_a_transport_error_after_the_budget()
    {
        _harness.Handler.Throw(new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));

        var error = await Assert.ThrowsAsync<AwsTransportException>(() => SendAsync());

        Assert.Equal(("ecs", "DescribeClusters", 3), (error.Service, error.Operation, error.Attempts));
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task An_http_timeout_is_retried()
    {
        _harness.Handler.Throw(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException())).RespondJson(Ok);

        var response = await SendAsync();

        Assert.Equal((HttpStatusCode.OK, 2), (response.Status, _harness.Handler.Requests.Count));
    }

    [Fact]
    public async Task An_attempt_that_outlasts_its_timeout_is_abandoned_and_counted()
    {
        using var hanging = new HangingHandler();
        using var http = new HttpClient(hanging) { Timeout = Timeout.InfiniteTimeSpan };
        var pipeline = new AwsHttpPipeline(http, Aws.Client.Credentials.SdkCredentialsProvider.Static("AK", "SK"), new StandardRetryPolicy(new RetryOptions { MaxAttempts = 2 }, new FixedRandom(0)), _harness.Clock, TimeSpan.FromMilliseconds(20));

        var error = await Assert.ThrowsAsync<AwsTransportException>(() =>
            pipeline.SendAsync(AwsService.Ecs, ClientHarness.Endpoint(AwsService.Ecs), DescribeClusters(), new JsonErrorParser(), CancellationToken.None));

        Assert.Equal((2, 2), (error.Attempts, hanging.Calls));
    }

    [Fact]
    public async Task A_cancellation_by_the_caller_is_not_retried()
    {
        _harness.Handler.RespondJson(Ok);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SendAsync(cancelled.Token));

        Assert.Empty(_harness.Clock.Waits);
    }

    [Fact]
    public async Task Each_attempt_is_signed_afresh_with_the_time_it_is_sent()
    {
        _harness.Dispose();
        _harness = new ClientHarness(new RetryOptions { BaseDelay = TimeSpan.FromSeconds(10) }, jitter: 0.5);
        _harness.Handler.RespondJson(Throttled, HttpStatusCode.BadRequest).RespondJson(Ok);

        await SendAsync();

        Assert.Equal(["20250106T120000Z", "20250106T120005Z"], _harness.Handler.Requests.Select(r => r.Header("X-Amz-Date")));
    }

    [Fact]
    public async Task An_error_page_without_a_document_gets_its_status_as_code()
    {
        _harness.Handler.Respond(HttpStatusCode.Forbidden, "<html>Forbidden</html>", "text/html");

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => SendAsync());

        Assert.Equal(("403", HttpStatusCode.Forbidden), (error.ErrorCode, error.StatusCode));
    }

    private sealed class HangingHandler : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
