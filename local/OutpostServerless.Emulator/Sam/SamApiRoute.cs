using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.Sam;

/// <summary>
/// One API Gateway method of the template (a function's <c>Api</c> event, or an <c>AWS::ApiGateway::Method</c>): the route, its integration's type and,
/// for a Lambda proxy integration (<c>AWS_PROXY</c>), the function it invokes, and the request model the method
/// validates the body against, if any.
/// </summary>
public sealed record SamApiRoute(
    string LogicalId,
    string HttpMethod,
    string Path,
    string AuthorizationType,
    string? IntegrationType,
    string? FunctionArn,
    SamApiModel? BodyModel,
    bool ValidatesBody)
{
    public const string LambdaProxy = "AWS_PROXY";

    /// <summary>The path's <c>{name}</c> parameters, in order.</summary>
    public IReadOnlyList<string> PathParameters =>
        [.. Path.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1])];
}

/// <summary>An API Gateway model (an API's <c>Models</c> entry or an <c>AWS::ApiGateway::Model</c>): its name, content type and JSON schema (draft-04).</summary>
public sealed record SamApiModel(string LogicalId, string Name, string ContentType, JsonObject Schema);
