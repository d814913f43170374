using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Sam;

/// <summary>
/// One API Gateway method of the template (<c>AWS::ApiGateway::Method</c>): the route, the AWS service
/// action its integration calls (e.g. <c>states</c> / <c>StartExecution</c>), the state machine its
/// request template names, and the request model the method validates the body against, if any.
/// </summary>
public sealed record SamApiRoute(
    string LogicalId,
    string HttpMethod,
    string Path,
    string AuthorizationType,
    string? IntegrationService,
    string? IntegrationAction,
    string? StateMachineLogicalId,
    SamApiModel? BodyModel,
    bool ValidatesBody)
{
    /// <summary>The integration's <c>application/json</c> request template (the mapping to the service call), intrinsics resolved.</summary>
    public string? RequestTemplate { get; init; }

    /// <summary>The path's <c>{name}</c> parameters, in order.</summary>
    public IReadOnlyList<string> PathParameters =>
        [.. Path.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1])];
}

/// <summary>An API Gateway model (<c>AWS::ApiGateway::Model</c>): its name, content type and JSON schema (draft-04).</summary>
public sealed record SamApiModel(string LogicalId, string Name, string ContentType, JsonObject Schema);
