using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using OutpostServerless.Emulator.Hosting;

namespace OutpostServerless.Emulator.Lambda;

/// <summary>
/// The Lambda Runtime API (2018-06-01) one execution environment's runtime polls, on its own loopback port:
/// events queue here until the runtime asks for the next one, and complete with the response or error it posts.
/// An init error is kept for the environment to act on. It knows nothing of the process behind it.
/// </summary>
internal sealed class RuntimeApiEndpoint : IAsyncDisposable
{
    private const string Runtime = "/2018-06-01/runtime/";
    private const string Invocation = Runtime + "invocation/";
    /// <summary>Lambda's limit on a synchronous response payload.</summary>
    private const int MaxResponseBytes = 6 * 1024 * 1024;

    private readonly string _functionArn;
    private readonly TimeProvider _time;
    private readonly Channel<PendingInvocation> _queue = Channel.CreateUnbounded<PendingInvocation>();
    private readonly ConcurrentDictionary<string, PendingInvocation> _inFlight = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closed = new();
    private readonly TaskCompletionSource<LambdaFunctionError> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackHttpServer? _http;
    private long? _firstNextAt;

    private RuntimeApiEndpoint(string functionArn, TimeProvider time)
    {
        _functionArn = functionArn;
        _time = time;
    }

    /// <summary><c>127.0.0.1:{port}</c>, as <c>AWS_LAMBDA_RUNTIME_API</c> holds it.</summary>
    public string Address => _http?.HostAndPort ?? throw new InvalidOperationException("The Runtime API is not started.");

    /// <summary>Completes with the error the runtime posted to <c>/runtime/init/error</c>.</summary>
    public Task<LambdaFunctionError> InitError => _initError.Task;

    /// <summary>Timestamp of the runtime's first <c>GET …/next</c>: its init is over.</summary>
    public long? FirstNextAt => _firstNextAt;

    public static async Task<RuntimeApiEndpoint> StartAsync(string functionArn, TimeProvider time, CancellationToken cancellationToken)
    {
        var endpoint = new RuntimeApiEndpoint(functionArn, time);
        endpoint._http = await LoopbackHttpServer.StartAsync(port: 0, endpoint.HandleAsync, cancellationToken);
        return endpoint;
    }

    /// <summary>Queues <paramref name="pending"/> for the runtime's next <c>GET …/next</c>.</summary>
    /// <exception cref="ObjectDisposedException">The endpoint is closed.</exception>
    public void Enqueue(PendingInvocation pending) => ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

    /// <summary>Takes no more events and ends the runtime's long poll.</summary>
    public async Task CloseAsync()
    {
        _queue.Writer.TryComplete();
        await _closed.CancelAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        if (_http is { } http)
        {
            await http.DisposeAsync();
        }

        _closed.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        try
        {
            switch (request.Method)
            {
                case "GET" when path == Invocation + "next":
                    await NextAsync(context);
                    break;
                case "POST" when path == Runtime + "init/error":
                    var initError = await ReadErrorAsync(request);
                    await AcceptedAsync(context.Response);
                    _initError.TrySetResult(initError);
                    break;
                case "POST" when path.StartsWith(Invocation, StringComparison.Ordinal) && path.EndsWith("/response", StringComparison.Ordinal):
                    await ResponseAsync(context, RequestIdOf(path, "/response"));
                    break;
                case "POST" when path.StartsWith(Invocation, StringComparison.Ordinal) && path.EndsWith("/error", StringComparison.Ordinal):
                    await ErrorAsync(context, RequestIdOf(path, "/error"));
                    break;
                default:
                    await WriteAsync(context.Response, HttpStatusCode.NotFound, new RuntimeErrorBody($"No Runtime API route for {request.Method} {path}.", "NotFound"));
                    break;
            }
        }
        catch (Exception broken) when (broken is ObjectDisposedException or IOException or OperationCanceledException or ChannelClosedException)
        {
            // The runtime went away mid-exchange, or the environment is closing.
            context.Abort();
        }
    }

    private async Task NextAsync(HttpContext context)
    {
        _firstNextAt ??= _time.GetTimestamp();
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token, context.RequestAborted);
        var pending = await _queue.Reader.ReadAsync(ended.Token);
        pending.DeliveredAt = _time.GetTimestamp();
        _inFlight[pending.RequestId] = pending;

        var response = context.Response;
        response.StatusCode = (int)HttpStatusCode.OK;
        response.ContentType = "application/json";
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = pending.RequestId;
        response.Headers["Lambda-Runtime-Deadline-Ms"] = pending.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = _functionArn;
        response.Headers["Lambda-Runtime-Trace-Id"] = pending.TraceId;
        if (pending.EmulatedTime is { } emulated)
        {
            response.Headers["X-Outpost-Serverless-Emulated-Time"] = emulated.ToString("O", CultureInfo.InvariantCulture);
        }

        var body = Encoding.UTF8.GetBytes(pending.Payload);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, _closed.Token);
    }

    private async Task ResponseAsync(HttpContext context, string requestId)
    {
        if (!_inFlight.TryRemove(requestId, out var pending))
        {
            await InvalidRequestIdAsync(context.Response, requestId);
            return;
        }

        var body = await ReadBodyAsync(context.Request);
        if (body.Length > MaxResponseBytes)
        {
            var tooLarge = new LambdaFunctionError("Function.ResponseSizeTooLarge",
                $"Response payload size ({body.Length} bytes) exceeded maximum allowed payload size ({MaxResponseBytes} bytes).");
            pending.TryComplete(null, tooLarge, _time.GetTimestamp());
            await WriteAsync(context.Response, HttpStatusCode.RequestEntityTooLarge, new RuntimeErrorBody(tooLarge.ErrorMessage, "RequestEntityTooLarge"));
            return;
        }

        pending.TryComplete(Encoding.UTF8.GetString(body), null, _time.GetTimestamp());
        await AcceptedAsync(context.Response);
    }

    private async Task ErrorAsync(HttpContext context, string requestId)
    {
        if (!_inFlight.TryRemove(requestId, out var pending))
        {
            await InvalidRequestIdAsync(context.Response, requestId);
            return;
        }

        pending.TryComplete(null, await ReadErrorAsync(context.Request), _time.GetTimestamp());
        await AcceptedAsync(context.Response);
    }

    /// <summary>The posted error: the body's fields, else the <c>Lambda-Runtime-Function-Error-Type</c> header, as Lambda reads it.</summary>
    private static async Task<LambdaFunctionError> ReadErrorAsync(HttpRequest request)
    {
        var header = request.Headers["Lambda-Runtime-Function-Error-Type"].ToString();
        RuntimeErrorBody? body = null;
        try
        {
            var bytes = await ReadBodyAsync(request);
            body = bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, LambdaJsonContext.Default.RuntimeErrorBody);
        }
        catch (JsonException)
        {
            // Unreadable body: the header alone names the error.
        }

        return new LambdaFunctionError(
            body?.ErrorType ?? (string.IsNullOrEmpty(header) ? LambdaFunctionError.Unhandled : header),
            body?.ErrorMessage ?? "",
            body?.StackTrace);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    // Kestrel's Request.Path is already percent-decoded: decoding it again would turn a literal "%41" in an id into "A".
    private static string RequestIdOf(string path, string suffix) => path[Invocation.Length..^suffix.Length];

    private static Task InvalidRequestIdAsync(HttpResponse response, string requestId) =>
        WriteAsync(response, HttpStatusCode.BadRequest, new RuntimeErrorBody($"Invalid request ID: {requestId}", "InvalidRequestID"));

    private static Task AcceptedAsync(HttpResponse response) =>
        WriteBodyAsync(response, HttpStatusCode.Accepted, JsonSerializer.SerializeToUtf8Bytes(new RuntimeApiStatus("OK"), LambdaJsonContext.Default.RuntimeApiStatus));

    private static Task WriteAsync(HttpResponse response, HttpStatusCode status, RuntimeErrorBody error) =>
        WriteBodyAsync(response, status, JsonSerializer.SerializeToUtf8Bytes(error, LambdaJsonContext.Default.RuntimeErrorBody));

    private static async Task WriteBodyAsync(HttpResponse response, HttpStatusCode status, byte[] body)
    {
        response.StatusCode = (int)status;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }
}
