using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Lambda;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Lambda;

/// <summary>The Lambda Runtime API (2018-06-01) as a runtime sees it: next event, then its response, keyed by request id.</summary>
public sealed class RuntimeApiEndpointTests
{
    private const string FunctionArn = "arn:aws:lambda:us-west-2:123456789012:function:ValidateRequestFunction";

    [Fact]
    public async Task A_runtime_takes_the_next_event_and_its_posted_response_completes_the_invocation()
    {
        await using var endpoint = await RuntimeApiEndpoint.StartAsync(FunctionArn, TimeProvider.System, TestContext.Current.CancellationToken);
        var pending = Pending("8476a536-e9f4-11e8-9739-2dfe598c3fcd");
        endpoint.Enqueue(pending);
        using var http = new HttpClient { BaseAddress = new Uri($"http://{endpoint.Address}") };

        using var next = await http.GetAsync("/2018-06-01/runtime/invocation/next", TestContext.Current.CancellationToken);
        var requestId = next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").Single();
        using var posted = await http.PostAsync($"/2018-06-01/runtime/invocation/{requestId}/response", new StringContent("{\"ok\":true}", Encoding.UTF8), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, FunctionArn), (next.StatusCode, next.Headers.GetValues("Lambda-Runtime-Invoked-Function-Arn").Single()));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal(("{\"ok\":true}", null), await pending.Outcome);
    }

    [Fact]
    public async Task A_request_id_in_the_path_is_percent_decoded_once_so_an_escaped_percent_names_no_other_invocation()
    {
        await using var endpoint = await RuntimeApiEndpoint.StartAsync(FunctionArn, TimeProvider.System, TestContext.Current.CancellationToken);
        var pending = Pending("A");
        endpoint.Enqueue(pending);
        using var http = new HttpClient { BaseAddress = new Uri($"http://{endpoint.Address}") };
        using var next = await http.GetAsync("/2018-06-01/runtime/invocation/next", TestContext.Current.CancellationToken);

        // "%2541" is the id "%41", which is not "A": decoded twice it would complete the wrong invocation.
        using var posted = await http.PostAsync("/2018-06-01/runtime/invocation/%2541/response", new StringContent("{}"), TestContext.Current.CancellationToken);
        var error = JsonNode.Parse(await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(("InvalidRequestID", "Invalid request ID: %41"), (error["errorType"]!.GetValue<string>(), error["errorMessage"]!.GetValue<string>()));
        Assert.False(pending.Outcome.IsCompleted);
    }

    private static PendingInvocation Pending(string requestId) =>
        new(requestId, "{}", DateTimeOffset.UtcNow.AddMinutes(1), emulatedTime: null, traceId: "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700");
}
