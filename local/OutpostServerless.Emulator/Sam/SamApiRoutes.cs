using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace OutpostServerless.Emulator.Sam;

/// <summary>
/// Reads the template's REST API methods, written either way SAM templates write them:
/// <list type="bullet">
/// <item>a function's <c>Api</c> events on an <c>AWS::Serverless::Api</c> (a Lambda proxy integration to that
/// function; auth from the event's <c>Auth.Authorizer</c>, else the API's <c>Auth.DefaultAuthorizer</c>; the body
/// model from <c>RequestModel</c> and the API's <c>Models</c>, validated when <c>ValidateBody</c> is true);</item>
/// <item><c>AWS::ApiGateway::Method</c> resources: the path from the chain of <c>AWS::ApiGateway::Resource</c>
/// parents, the integration's type and the function a proxy integration invokes from its <c>Uri</c>
/// (<c>arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{arn}/invocations</c>), and the body model
/// from <c>RequestModels</c> and the validator.</item>
/// </list>
/// </summary>
internal static partial class SamApiRoutes
{
    private const string JsonContentType = "application/json";

    public static IReadOnlyList<SamApiRoute> Read(YamlMappingNode resources, SamValueResolver resolver, SamEnvironment environment)
    {
        var routes = new List<SamApiRoute>();
        foreach (var (key, resource) in resources.Children)
        {
            if (SamTemplate.Scalar(SamTemplate.Child(resource, "Type")) == SamTypes.Function)
            {
                routes.AddRange(ApiEvents(resources, resolver, environment, ((YamlScalarNode)key).Value!, resource));
                continue;
            }

            if (SamTemplate.Scalar(SamTemplate.Child(resource, "Type")) != SamTypes.ApiMethod)
            {
                continue;
            }

            var logicalId = ((YamlScalarNode)key).Value!;
            var properties = SamTemplate.Child(resource, "Properties");
            var integration = SamTemplate.Child(properties, "Integration");
            var uri = SamTemplate.Child(integration, "Uri") is { } uriNode ? resolver.ResolveString(uriNode, $"{logicalId}.Integration.Uri") : null;
            routes.Add(new SamApiRoute(
                logicalId,
                resolver.ResolveString(Required(properties, "HttpMethod", logicalId), $"{logicalId}.HttpMethod").ToUpperInvariant(),
                PathOf(resources, Required(properties, "ResourceId", logicalId), logicalId),
                SamTemplate.Child(properties, "AuthorizationType") is { } auth ? resolver.ResolveString(auth, $"{logicalId}.AuthorizationType") : "NONE",
                SamTemplate.Child(integration, "Type") is { } type ? resolver.ResolveString(type, $"{logicalId}.Integration.Type") : null,
                uri is not null && LambdaInvocation().Match(uri) is { Success: true } invocation ? invocation.Groups["function"].Value : null,
                BodyModel(resources, resolver, SamTemplate.Child(properties, "RequestModels"), logicalId),
                ValidatesBody(resources, resolver, SamTemplate.Child(properties, "RequestValidatorId"))));
        }

        return routes;
    }

    private static IEnumerable<SamApiRoute> ApiEvents(YamlMappingNode resources, SamValueResolver resolver, SamEnvironment environment, string function, YamlNode resource)
    {
        if (SamTemplate.Child(SamTemplate.Child(resource, "Properties"), "Events") is not YamlMappingNode events)
        {
            yield break;
        }

        foreach (var (name, apiEvent) in events.Children)
        {
            if (SamTemplate.Scalar(SamTemplate.Child(apiEvent, "Type")) != "Api")
            {
                continue;
            }

            var logicalId = $"{function}.{((YamlScalarNode)name).Value}";
            var properties = SamTemplate.Child(apiEvent, "Properties");
            var apiId = SamTemplate.Child(properties, "RestApiId") is { } reference
                ? SamValueResolver.ReferencedId(reference) ?? throw new SamTemplateException("template.yaml", $"{logicalId}: RestApiId must be !Ref of an AWS::Serverless::Api")
                : null;
            var api = apiId is null ? null : SamTemplate.Child(SamTemplate.Child(resources, apiId), "Properties");
            var method = resolver.ResolveString(Required(properties, "Method", logicalId), $"{logicalId}.Method").ToUpperInvariant();
            var requestModel = SamTemplate.Child(properties, "RequestModel");
            yield return new SamApiRoute(
                logicalId,
                method,
                resolver.ResolveString(Required(properties, "Path", logicalId), $"{logicalId}.Path"),
                AuthorizationTypeOf(SamTemplate.Scalar(SamTemplate.Child(SamTemplate.Child(properties, "Auth"), "Authorizer"))
                    ?? SamTemplate.Scalar(SamTemplate.Child(SamTemplate.Child(api, "Auth"), "DefaultAuthorizer"))),
                SamApiRoute.LambdaProxy,
                environment.FunctionArn(function),
                requestModel is null ? null : ModelOf(resolver, apiId!, api, Required(requestModel, "Model", $"{logicalId}.RequestModel"), logicalId),
                SamTemplate.Scalar(SamTemplate.Child(requestModel, "ValidateBody")) is "true" or "True");
        }
    }

    /// <summary>An authorizer as API Gateway's <c>AuthorizationType</c>: IAM, none, or a named (custom or Cognito) one.</summary>
    private static string AuthorizationTypeOf(string? authorizer) => authorizer switch
    {
        null or "NONE" => "NONE",
        "AWS_IAM" => "AWS_IAM",
        _ => "CUSTOM",
    };

    private static SamApiModel ModelOf(SamValueResolver resolver, string apiId, YamlNode? api, YamlNode modelName, string where)
    {
        var name = SamTemplate.Scalar(modelName) ?? throw new SamTemplateException("template.yaml", $"{where}: RequestModel.Model must name one of the API's Models");
        var schema = SamTemplate.Child(SamTemplate.Child(api, "Models"), name) is { } schemaNode ? resolver.Resolve(schemaNode, $"{apiId}.Models.{name}") : null;
        return new SamApiModel($"{apiId}.{name}", name, JsonContentType,
            schema as JsonObject ?? throw new SamTemplateException("template.yaml", $"{where}: RequestModel.Model {name} is not one of {apiId}'s Models"));
    }

    private static string PathOf(YamlMappingNode resources, YamlNode resourceId, string where)
    {
        var segments = new List<string>();
        for (var node = resourceId; ;)
        {
            var target = SamValueResolver.ReferencedId(node)
                ?? throw new SamTemplateException("template.yaml", $"{where}: ResourceId must be !Ref of a resource or !GetAtt Api.RootResourceId");
            var resource = SamTemplate.Child(resources, target);
            if (SamTemplate.Scalar(SamTemplate.Child(resource, "Type")) != SamTypes.ApiResource)
            {
                break; // the API's root resource
            }

            var properties = SamTemplate.Child(resource, "Properties");
            segments.Insert(0, SamTemplate.Scalar(SamTemplate.Child(properties, "PathPart"))
                ?? throw new SamTemplateException("template.yaml", $"{target}: PathPart is missing"));
            node = Required(properties, "ParentId", target);
        }

        return "/" + string.Join('/', segments);
    }

    private static SamApiModel? BodyModel(YamlMappingNode resources, SamValueResolver resolver, YamlNode? requestModels, string where)
    {
        if (SamTemplate.Child(requestModels, JsonContentType) is not { } reference)
        {
            return null;
        }

        var modelId = SamValueResolver.ReferencedId(reference)
            ?? throw new SamTemplateException("template.yaml", $"{where}: RequestModels.{JsonContentType} must be !Ref of an AWS::ApiGateway::Model");
        var properties = SamTemplate.Child(SamTemplate.Child(resources, modelId), "Properties");
        var schema = SamTemplate.Child(properties, "Schema") is { } schemaNode ? resolver.Resolve(schemaNode, $"{modelId}.Schema") : null;
        return new SamApiModel(
            modelId,
            SamTemplate.Scalar(SamTemplate.Child(properties, "Name")) ?? modelId,
            SamTemplate.Scalar(SamTemplate.Child(properties, "ContentType")) ?? JsonContentType,
            schema as JsonObject ?? throw new SamTemplateException("template.yaml", $"{modelId}: Schema must be a JSON schema object"));
    }

    private static bool ValidatesBody(YamlMappingNode resources, SamValueResolver resolver, YamlNode? validatorReference)
    {
        var properties = SamTemplate.Child(SamTemplate.Child(resources, SamValueResolver.ReferencedId(validatorReference) ?? ""), "Properties");
        return SamTemplate.Child(properties, "ValidateRequestBody") is { } validate
            && resolver.Resolve(validate, "ValidateRequestBody") is JsonValue value
            && (value.TryGetValue<bool>(out var flag) ? flag : value.TryGetValue<string>(out var text) && text.Equals("true", StringComparison.OrdinalIgnoreCase));
    }

    private static YamlNode Required(YamlNode? properties, string name, string where) =>
        SamTemplate.Child(properties, name) ?? throw new SamTemplateException("template.yaml", $"{where}: Properties.{name} is missing");

    [GeneratedRegex(@"^arn:[a-z-]+:apigateway:[a-z0-9-]+:lambda:path/2015-03-31/functions/(?<function>arn:[a-z-]+:lambda:[^/]+)/invocations$")]
    private static partial Regex LambdaInvocation();
}
