using System.Text.Json.Nodes;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.ApiGateway;

/// <summary>
/// API Gateway's Lambda proxy integration (<c>AWS_PROXY</c>) for a REST API: the request as the proxy event
/// (<c>resource</c>, <c>path</c>, <c>httpMethod</c>, <c>headers</c>, <c>queryStringParameters</c>,
/// <c>pathParameters</c>, <c>body</c>, <c>requestContext</c>) to the route's function, its
/// <c>{statusCode, body}</c> back. A function error or an answer without a status code is 502
/// "Internal server error", as API Gateway answers it.
/// </summary>
public sealed class LambdaProxyIntegration(ITaskInvoker functions, string stage)
{
    public async Task<ApiReply> InvokeAsync(ApiRouteMatch match, ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(request);
        var proxyEvent = new JsonObject
        {
            ["resource"] = match.Route.Path,
            ["path"] = request.Path,
            ["httpMethod"] = request.Method,
            ["headers"] = Strings(request.Headers),
            // API Gateway sends null, not {}, when there are none.
            ["queryStringParameters"] = request.Query.Count == 0 ? null : Strings(request.Query),
            ["pathParameters"] = match.PathParameters.Count == 0 ? null : Strings(match.PathParameters),
            ["body"] = request.Body,
            ["isBase64Encoded"] = false,
            ["requestContext"] = new JsonObject
            {
                ["resourcePath"] = match.Route.Path,
                ["httpMethod"] = request.Method,
                ["path"] = $"/{stage}{request.Path}",
                ["stage"] = stage,
                ["requestId"] = Guid.NewGuid().ToString(),
            },
        };
        var outcome = await functions.InvokeAsync(new TaskInvocation(match.Route.FunctionArn!, proxyEvent, match.Route.LogicalId, 0), cancellationToken);
        return outcome is TaskOutcome.Succeeded { Output: JsonObject answer } && answer["statusCode"] is JsonValue status && status.TryGetValue<int>(out var code)
            ? new ApiReply(code, answer["body"]?.GetValue<string>() ?? "")
            : ApiReply.Json(502, new JsonObject { ["message"] = "Internal server error" });
    }

    private static JsonObject Strings(IReadOnlyDictionary<string, string> values) =>
        new([.. values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))]);
}
