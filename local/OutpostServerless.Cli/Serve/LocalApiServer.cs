using System.Net;
using System.Net.Mime;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Cli.Sam;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Cli.Serve;

/// <summary>
/// The template's API Gateway routes on 127.0.0.1, answering as the deployed API does: an unknown route
/// is 403 "Missing Authentication Token"; a body the method's model refuses is 400 "Invalid request body"
/// naming each bad field (the BAD_REQUEST_BODY gateway response), and nothing is started; a
/// <c>states:StartExecution</c> route starts an execution named by the body's <c>provisioningId</c> when it
/// has one and answers Step Functions' response (200 with the execution ARN); a
/// <c>states:DescribeExecution</c> route describes the execution named by the path's <c>{id}</c>; Step
/// Functions' errors come back as 400 with their <c>__type</c>. The model is checked at start to be
/// statemachine/request.schema.json translated, so bodies are validated with that very schema. IAM auth
/// (SigV4) is not checked locally, as with <c>sam local start-api</c>.
/// </summary>
public sealed class LocalApiServer : IAsyncDisposable
{
    private const string StartExecution = "StartExecution";
    private const string DescribeExecution = "DescribeExecution";

    private readonly HttpListener listener;
    private readonly SamTemplate template;
    private readonly LocalStepFunctions stepFunctions;
    private readonly RequestSchema schema;
    private readonly TextWriter log;
    private readonly Task accepting;

    private LocalApiServer(HttpListener listener, int port, SamTemplate template, LocalStepFunctions stepFunctions, RequestSchema schema, TextWriter log)
    {
        this.listener = listener;
        this.template = template;
        this.stepFunctions = stepFunctions;
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
        var schema = RequestSchema.Shared;
        CheckRoutes(template, schema);
        for (var attempt = 1; ; attempt++)
        {
            var chosen = port == 0 ? FreePort() : port;
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add($"http://127.0.0.1:{chosen}/");
            listener.Prefixes.Add($"http://localhost:{chosen}/"); // HttpListener matches the Host header too
            try
            {
                listener.Start();
                return new LocalApiServer(listener, chosen, template, stepFunctions, schema, TextWriter.Synchronized(log));
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
            if (route.IntegrationService != "states" || route.IntegrationAction is not (StartExecution or DescribeExecution) || route.StateMachineLogicalId is null)
            {
                throw new SamTemplateException("template.yaml", $"{route.LogicalId} ({route.HttpMethod} {route.Path}): serve runs states:StartExecution and states:DescribeExecution integrations on a state machine of the template only");
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
        (int Status, JsonObject Body) reply;
        try
        {
            reply = await RespondAsync(request, path);
        }
        catch (Exception unexpected) when (unexpected is not OutOfMemoryException)
        {
            await log.WriteLineAsync($"{request.HttpMethod} {path} failed: {unexpected}");
            reply = (500, new JsonObject { ["message"] = "Internal server error" });
        }

        await log.WriteLineAsync($"{request.HttpMethod} {path} {reply.Status}{Summary(reply.Body)}");
        var bytes = Encoding.UTF8.GetBytes(WireJson.Text(reply.Body));
        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = MediaTypeNames.Application.Json;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private async Task<(int, JsonObject)> RespondAsync(HttpListenerRequest request, string path)
    {
        if (ApiRouteMatch.Find(template.ApiRoutes, request.HttpMethod, path) is not { } match)
        {
            return (403, new JsonObject { ["message"] = "Missing Authentication Token" });
        }

        var machine = template.StateMachines[match.Route.StateMachineLogicalId!];
        try
        {
            return match.Route.IntegrationAction == StartExecution
                ? await StartAsync(request, match.Route, machine)
                : (200, stepFunctions.DescribeExecution(machine.ExecutionArn(match.PathParameters.Values.Single())).ToResponse());
        }
        catch (StepFunctionsException refused)
        {
            return (400, new JsonObject { ["__type"] = refused.Type, ["message"] = refused.Message });
        }
    }

    private async Task<(int, JsonObject)> StartAsync(HttpListenerRequest request, SamApiRoute route, SamStateMachine machine)
    {
        // PassthroughBehavior NEVER: only the content type the request template is for gets through.
        if (request.ContentType is { } contentType && !contentType.Split(';')[0].Trim().Equals(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase))
        {
            return (415, new JsonObject { ["message"] = "Unsupported Media Type" });
        }

        string text;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync();
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text.Length == 0 ? "{}" : text);
        }
        catch (JsonException notJson)
        {
            return route.BodyModel is not null && route.ValidatesBody
                ? InvalidBody($"the body is not JSON: {notJson.Message}")
                : throw new StepFunctionsException("InvalidExecutionInput", $"Invalid State Machine Execution Input: '{notJson.Message}'");
        }

        if (route.BodyModel is not null && route.ValidatesBody)
        {
            using var document = JsonDocument.Parse(body?.ToJsonString() ?? "null");
            var errors = schema.Evaluate(document.RootElement, body);
            if (errors.Count > 0)
            {
                return InvalidBody(string.Join(", ", errors));
            }
        }

        // The request template's mapping: the provisioningId, when given, names the execution.
        var name = body?["provisioningId"] is JsonValue id && id.TryGetValue<string>(out var provisioningId) && provisioningId.Length > 0 ? provisioningId : null;
        var started = stepFunctions.StartExecution(machine.Arn, name, body);
        return (200, new JsonObject { ["executionArn"] = started.ExecutionArn, ["startDate"] = ExecutionDescription.EpochSeconds(started.StartDate) });
    }

    private static (int, JsonObject) InvalidBody(string errors) =>
        (400, new JsonObject { ["message"] = "Invalid request body", ["validationErrors"] = $"[{errors}]" });

    private static string Summary(JsonObject body) =>
        body["executionArn"] is JsonValue arn ? $" {arn.GetValue<string>()}" + (body["status"] is JsonValue status ? $" {status.GetValue<string>()}" : "")
        : body["message"] is JsonValue message ? $" {message.GetValue<string>()}" : "";

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
