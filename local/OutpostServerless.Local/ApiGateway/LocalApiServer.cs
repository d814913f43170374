using System.Net.Mime;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OutpostServerless.Emulator.Hosting;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.StepFunctions;
using OutpostServerless.Local.WebConsole;
using OutpostServerless.Local.Workflow;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Local.ApiGateway;

/// <summary>
/// The template's API Gateway routes on 127.0.0.1, answering as the deployed API does: an unknown route is 403
/// "Missing Authentication Token"; a JSON body the method's model refuses is 400 "Invalid request body" naming
/// each bad field (the BAD_REQUEST_BODY gateway response) and the function is not invoked; every other request
/// goes through the Lambda proxy integration to the route's function, run in this process on the served world
/// with Step Functions on the local executions. The model is checked at start to be
/// statemachine/request.schema.json translated, so bodies are validated with that very schema. IAM auth (SigV4)
/// is not checked locally, as with <c>sam local start-api</c>.
/// </summary>
public sealed class LocalApiServer : IAsyncDisposable
{
    /// <summary>The stage the proxy events name (the deployed API's is the template's ProvisioningApiStage).</summary>
    public const string Stage = "local";

    private readonly SamTemplate template;
    private readonly LambdaProxyIntegration proxy;
    private readonly RequestSchema schema;
    private readonly TextWriter log;
    private readonly LocalConsole console;
    private LoopbackHttpServer? http;

    private LocalApiServer(SamTemplate template, LambdaProxyIntegration proxy, RequestSchema schema, TextWriter log, LocalConsole console)
    {
        this.console = console;
        this.template = template;
        this.proxy = proxy;
        this.schema = schema;
        this.log = log;
    }

    public Uri BaseAddress => http?.BaseUrl ?? throw new InvalidOperationException("The local API is not started.");

    public IReadOnlyList<SamApiRoute> Routes => template.ApiRoutes;

    /// <summary>Listens on <paramref name="port"/> (0: a free port); throws <see cref="SamTemplateException"/> for a route it cannot serve.</summary>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<LocalApiServer> StartAsync(SamTemplate template, LocalStepFunctions stepFunctions, int port, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(stepFunctions);
        var schema = RequestSchema.Shared;
        CheckRoutes(template, schema);
        var functions = new InProcessLambdaInvoker(template, stepFunctions.Cloud.PortsFor, stepFunctions.Clock, new LocalStepFunctionsClient(stepFunctions));
        var server = new LocalApiServer(template, new LambdaProxyIntegration(functions, Stage), schema, TextWriter.Synchronized(log), new LocalConsole(template, stepFunctions));
        server.http = await LoopbackHttpServer.StartAsync(port, server.HandleAsync, cancellationToken);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (http is { } started)
        {
            await started.DisposeAsync();
        }
    }

    private static void CheckRoutes(SamTemplate template, RequestSchema schema)
    {
        var requestModel = ApiModelSchema.FromJsonSchema(schema.Document);
        foreach (var route in template.ApiRoutes)
        {
            if (route.IntegrationType != SamApiRoute.LambdaProxy || route.FunctionArn is null || !template.TryFunctionByArn(route.FunctionArn, out _))
            {
                throw new SamTemplateException("template.yaml", $"{route.LogicalId} ({route.HttpMethod} {route.Path}): serve runs Lambda proxy (AWS_PROXY) integrations of the template's functions only");
            }

            if (route.BodyModel is { } model && !JsonNode.DeepEquals(model.Schema, requestModel))
            {
                throw new SamTemplateException("template.yaml", $"{model.LogicalId}: the model is not statemachine/request.schema.json translated to draft-04, the only body schema serve validates with");
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        // The path as sent, undecoded: what the routes are matched against and the proxy event carries.
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var path = target.Split('?', 2)[0];
        if (LocalConsole.Serves(path))
        {
            // The console's page and its polling are not API calls: answered apart, and not logged.
            await ServeConsole.RespondAsync(console, context, path);
            return;
        }

        ApiReply reply;
        try
        {
            reply = await RespondAsync(request, path);
        }
        catch (Exception unexpected) when (unexpected is not OutOfMemoryException)
        {
            await log.WriteLineAsync($"{request.Method} {path} failed: {unexpected}");
            reply = ApiReply.Json(500, new JsonObject { ["message"] = "Internal server error" });
        }

        await log.WriteLineAsync($"{request.Method} {path} {reply.Status}");
        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = MediaTypeNames.Application.Json;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private async Task<ApiReply> RespondAsync(HttpRequest request, string path)
    {
        if (ApiRouteMatch.Find(template.ApiRoutes, request.Method, path) is not { } match)
        {
            return ApiReply.Json(403, new JsonObject { ["message"] = "Missing Authentication Token" });
        }

        string? body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        body = body.Length == 0 ? null : body;

        // API Gateway validates against the model of the request's content type: the route's is application/json.
        var isJson = request.ContentType is not { } contentType || contentType.Split(';')[0].Trim().Equals(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase);
        if (match.Route is { BodyModel: not null, ValidatesBody: true } && isJson && Invalid(body) is { } refused)
        {
            return ApiReply.Json(400, new JsonObject { ["message"] = "Invalid request body", ["validationErrors"] = $"[{refused}]" });
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        return await proxy.InvokeAsync(match, new ApiRequest(request.Method, path, headers, query, body), CancellationToken.None);
    }

    /// <summary>What the model refuses in <paramref name="body"/>, or null when it passes.</summary>
    private string? Invalid(string? body)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(string.IsNullOrEmpty(body) ? "{}" : body);
        }
        catch (JsonException notJson)
        {
            return $"the body is not JSON: {notJson.Message}";
        }

        using var document = JsonDocument.Parse(parsed?.ToJsonString() ?? "null");
        var errors = schema.Evaluate(document.RootElement, parsed);
        return errors.Count == 0 ? null : string.Join(", ", errors);
    }
}
