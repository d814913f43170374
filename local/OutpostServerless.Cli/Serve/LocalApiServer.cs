using System.Net;
using System.Net.Mime;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Cli.Local;
using OutpostServerless.Cli.WebConsole;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Cli.Serve;

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

    private readonly HttpListener listener;
    private readonly SamTemplate template;
    private readonly LambdaProxyIntegration proxy;
    private readonly RequestSchema schema;
    private readonly TextWriter log;
    private readonly LocalConsole console;
    private readonly Task accepting;

    private LocalApiServer(HttpListener listener, int port, SamTemplate template, LambdaProxyIntegration proxy, RequestSchema schema, TextWriter log, LocalConsole console)
    {
        this.console = console;
        this.listener = listener;
        this.template = template;
        this.proxy = proxy;
        this.schema = schema;
        this.log = log;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<SamApiRoute> Routes => template.ApiRoutes;

    /// <summary>Listens on <paramref name="port"/> (0: a free port); throws <see cref="SamTemplateException"/> for a route it cannot serve.</summary>
    public static LocalApiServer Start(SamTemplate template, LocalStepFunctions stepFunctions, int port, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(stepFunctions);
        var schema = RequestSchema.Shared;
        CheckRoutes(template, schema);
        var functions = new InProcessLambdaInvoker(template, stepFunctions.Cloud.PortsFor, stepFunctions.Clock, new LocalStepFunctionsClient(stepFunctions));
        var proxy = new LambdaProxyIntegration(functions, Stage);
        for (var attempt = 1; ; attempt++)
        {
            var chosen = port == 0 ? FreePort() : port;
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add($"http://127.0.0.1:{chosen}/");
            listener.Prefixes.Add($"http://localhost:{chosen}/"); // HttpListener matches the Host header too
            try
            {
                listener.Start();
                return new LocalApiServer(listener, chosen, template, proxy, schema, TextWriter.Synchronized(log), new LocalConsole(template, stepFunctions));
            }
            catch (HttpListenerException) when (port == 0 && attempt < 5)
            {
                listener.Close(); // another process took the free port first
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Close();
        await accepting;
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

    private async Task AcceptAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception closed) when (closed is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url?.AbsolutePath ?? "/";
        if (LocalConsole.Serves(path))
        {
            // The console's page and its polling are not API calls: answered apart, and not logged.
            await HttpListenerConsole.RespondAsync(console, context, CancellationToken.None);
            return;
        }

        ApiReply reply;
        try
        {
            reply = await RespondAsync(request, path);
        }
        catch (Exception unexpected) when (unexpected is not OutOfMemoryException)
        {
            await log.WriteLineAsync($"{request.HttpMethod} {path} failed: {unexpected}");
            reply = ApiReply.Json(500, new JsonObject { ["message"] = "Internal server error" });
        }

        await log.WriteLineAsync($"{request.HttpMethod} {path} {reply.Status}");
        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = MediaTypeNames.Application.Json;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private async Task<ApiReply> RespondAsync(HttpListenerRequest request, string path)
    {
        if (ApiRouteMatch.Find(template.ApiRoutes, request.HttpMethod, path) is not { } match)
        {
            return ApiReply.Json(403, new JsonObject { ["message"] = "Missing Authentication Token" });
        }

        string? body = null;
        if (request.HasEntityBody)
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            body = await reader.ReadToEndAsync();
        }

        // API Gateway validates against the model of the request's content type: the route's is application/json.
        var isJson = request.ContentType is not { } contentType || contentType.Split(';')[0].Trim().Equals(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase);
        if (match.Route is { BodyModel: not null, ValidatesBody: true } && isJson && Invalid(body) is { } refused)
        {
            return ApiReply.Json(400, new JsonObject { ["message"] = "Invalid request body", ["validationErrors"] = $"[{refused}]" });
        }

        var headers = request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        var query = request.QueryString.AllKeys.OfType<string>().ToDictionary(k => k, k => request.QueryString[k] ?? "", StringComparer.Ordinal);
        return await proxy.InvokeAsync(match, new ApiRequest(request.HttpMethod, path, headers, query, body), CancellationToken.None);
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

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
