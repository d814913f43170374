using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Functions.Errors;
using OutpostServerless.Provisioning.Api;

namespace OutpostServerless.Functions.Handlers;

/// <summary>
/// The provisionings API behind API Gateway's Lambda proxy integration: the REST API's event
/// (<c>httpMethod</c>, <c>resource</c>, <c>pathParameters</c>, <c>body</c>) in, <c>{statusCode, headers, body}</c> out.
/// </summary>
public sealed class ProvisioningsApiHandler(Func<ProvisioningsApi> api) : IFunctionHandler
{
    public async Task<string> HandleAsync(string payload, InvocationNotes notes, CancellationToken cancellationToken)
    {
        JsonObject proxyEvent;
        try
        {
            proxyEvent = JsonNode.Parse(payload) as JsonObject ?? throw new MalformedEventException("The event is not an API Gateway proxy event object.");
        }
        catch (JsonException malformed)
        {
            throw new MalformedEventException($"The event is not an API Gateway proxy event: {malformed.Message}", malformed);
        }

        var method = proxyEvent["httpMethod"]?.GetValue<string>();
        var id = proxyEvent["pathParameters"]?["id"]?.GetValue<string>();
        var response = (method, id) switch
        {
            ("POST", null) => (Body(proxyEvent), DryRun(proxyEvent)) switch
            {
                (null, _) => ApiResponse.Error(400, "Provisioning.InvalidRequest", "$: the body is not JSON. Fix: send the provisioning request as application/json."),
                (_, null) => ApiResponse.Error(400, "Provisioning.InvalidRequest", "dryRun: must be true or false. Fix: POST /provisionings?dryRun=true to plan only, or leave it out to apply."),
                ({ } body, true) => await api().PlanAsync(body, cancellationToken),
                ({ } body, false) => await api().ApplyAsync(body, cancellationToken),
            },
            ("GET", { } found) => await api().StatusAsync(found, cancellationToken),
            ("DELETE", { } found) => await api().TeardownAsync(found, cancellationToken),
            _ => ApiResponse.Error(405, "MethodNotAllowed", $"{method} {proxyEvent["resource"]} is not a route of the provisionings API."),
        };
        return new JsonObject
        {
            ["statusCode"] = response.StatusCode,
            ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
            ["body"] = response.Body.ToJsonString(),
        }.ToJsonString();
    }

    /// <summary>The <c>dryRun</c> query parameter: false when absent, null when it is neither true nor false.</summary>
    private static bool? DryRun(JsonObject proxyEvent) =>
        proxyEvent["queryStringParameters"]?["dryRun"]?.GetValue<string>() switch
        {
            null => false,
            var text when bool.TryParse(text, out var dryRun) => dryRun,
            _ => null,
        };

    private static JsonNode? Body(JsonObject proxyEvent)
    {
        var text = proxyEvent["body"]?.GetValue<string>();
        if (text is null)
        {
            return null;
        }

        if (proxyEvent["isBase64Encoded"]?.GetValue<bool>() == true)
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
