using System.Text.Json.Nodes;
using OutpostServerless.Functions.Handlers;

namespace OutpostServerless.Functions.Tests.Handlers;

/// <summary>The API Gateway proxy side of the provisionings API: what is refused before the record or Step Functions is reached.</summary>
public sealed class ProvisioningsApiHandlerTests
{
    // Reaching the API here would be a bug: these requests are answered by the handler alone.
    private static readonly ProvisioningsApiHandler Handler = new(() => throw new InvalidOperationException("the API was reached"));

    private static async Task<(int Status, JsonObject Body)> SendAsync(string proxyEvent)
    {
        var answer = JsonNode.Parse(await Handler.HandleAsync(proxyEvent, new InvocationNotes(), CancellationToken.None))!;
        Assert.Equal("application/json", answer["headers"]!["Content-Type"]!.GetValue<string>());
        return (answer["statusCode"]!.GetValue<int>(), JsonNode.Parse(answer["body"]!.GetValue<string>())!.AsObject());
    }

    [Fact]
    public async Task A_post_whose_body_is_not_json_is_400_naming_the_fix()
    {
        var (status, body) = await SendAsync("""{"httpMethod":"POST","resource":"/provisionings","body":"not json"}""");

        Assert.Equal(400, status);
        Assert.Equal("Provisioning.InvalidRequest", body["error"]!.GetValue<string>());
        Assert.Contains("Fix: send the provisioning request as application/json", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_flag_that_is_neither_true_nor_false_is_400_naming_the_parameter()
    {
        var (status, body) = await SendAsync("""{"httpMethod":"POST","resource":"/provisionings","queryStringParameters":{"dryRun":"maybe"},"body":"{}"}""");

        Assert.Equal(400, status);
        Assert.StartsWith("dryRun: must be true or false.", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_the_api_does_not_have_is_405()
    {
        var (status, body) = await SendAsync("""{"httpMethod":"PATCH","resource":"/provisionings/{id}","pathParameters":{"id":"shop-web"}}""");

        Assert.Equal(405, status);
        Assert.Equal("PATCH /provisionings/{id} is not a route of the provisionings API.", body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_event_that_is_not_a_proxy_event_is_a_malformed_event()
    {
        var error = await Assert.ThrowsAsync<OutpostServerless.Functions.Errors.MalformedEventException>(() => Handler.HandleAsync("[1,2]", new InvocationNotes(), CancellationToken.None));

        Assert.Equal("Provisioning.MalformedEvent", error.ErrorName);
    }
}
