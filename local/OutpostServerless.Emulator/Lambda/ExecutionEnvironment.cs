using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace OutpostServerless.Emulator.Lambda;

/// <summary>
/// One execution environment of a function: its <c>bootstrap</c> process and the Runtime API
/// (2018-06-01) that process polls. Events queue here until the runtime asks for the next one; each
/// completes with the response or error the runtime posts, or with the platform's own error when the
/// deadline passes (<c>Sandbox.Timedout</c>, and the environment is discarded) or the process exits
/// (<c>Runtime.ExitError</c>, or the init error it posted).
/// </summary>
internal sealed class ExecutionEnvironment : IAsyncDisposable
{
    private const string Runtime = "/2018-06-01/runtime/";
    private const string Invocation = Runtime + "invocation/";
    /// <summary>Lambda's limit on a synchronous response payload.</summary>
    private const int MaxResponseBytes = 6 * 1024 * 1024;

    private readonly LambdaFunctionConfiguration _function;
    private readonly LambdaServiceOptions _options;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly Channel<PendingInvocation> _queue = Channel.CreateUnbounded<PendingInvocation>();
    private readonly ConcurrentDictionary<string, PendingInvocation> _inFlight = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RuntimeApiListener _listener;
    private Process? _process;
    private readonly TaskCompletionSource<LambdaFunctionError> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long? _firstNextAt;

    private ExecutionEnvironment(LambdaFunctionConfiguration function, LambdaServiceOptions options)
    {
        _function = function;
        _options = options;
        _listener = RuntimeApiListener.Start(HandleAsync);
    }

    public string FunctionArn => $"arn:aws:lambda:{_options.Region}:{_options.AccountId}:function:{_function.FunctionName}";

    /// <summary>Timestamp taken just before the process was started.</summary>
    public long StartedAt { get; private set; }

    public int ProcessId { get; private set; }

    /// <summary>True once the process has exited or been discarded: the environment takes no more events.</summary>
    public bool IsDead => _exited.Task.IsCompleted || _initError.Task.IsCompleted || _lifetime.IsCancellationRequested;

    /// <summary>The Runtime API address the process was given (<c>AWS_LAMBDA_RUNTIME_API</c>).</summary>
    public string RuntimeApi => _listener.Address;

    public static ExecutionEnvironment Start(LambdaFunctionConfiguration function, LambdaServiceOptions options, Action<LambdaLogLine> log)
    {
        var environment = new ExecutionEnvironment(function, options);
        try
        {
            environment.StartProcess(log);
            return environment;
        }
        catch
        {
            environment._listener.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <param name="measuredFrom">Timestamp the result's Elapsed counts from.</param>
    public async Task<LambdaInvocationResult> InvokeAsync(string payload, bool coldStart, long measuredFrom, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var pending = new PendingInvocation(
            Guid.NewGuid().ToString(),
            payload,
            now + _function.EffectiveTimeout,
            _options.EmulatedClock?.GetUtcNow(),
            LambdaEnvironment.TraceId(now));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(Remaining(pending.Deadline), _time, deadline.Token);
        await Task.WhenAny(pending.Outcome, _initError.Task, _exited.Task, timer);
        await deadline.CancelAsync();

        var (response, error) = pending.Outcome.IsCompleted
            ? await pending.Outcome
            : _initError.Task.IsCompleted
                ? (null, await InitFailedAsync())
            : _exited.Task.IsCompleted
                ? (null, ExitError(pending.RequestId, await _exited.Task))
                : cancellationToken.IsCancellationRequested
                    ? throw new OperationCanceledException(cancellationToken)
                    : (null, await TimedOutAsync(pending));

        var end = pending.CompletedAt ?? _time.GetTimestamp();
        return new LambdaInvocationResult(
            pending.RequestId,
            _function.FunctionName,
            coldStart,
            response,
            error,
            _time.GetElapsedTime(measuredFrom, end),
            coldStart && _firstNextAt is { } firstNext ? _time.GetElapsedTime(StartedAt, firstNext) : null,
            pending.DeliveredAt is { } delivered ? _time.GetElapsedTime(delivered, end) : TimeSpan.Zero,
            ProcessMemory.PeakResidentBytes(ProcessId),
            ProcessId);
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        _queue.Writer.TryComplete();
        if (_process is { } process)
        {
            Kill(process);
            await _exited.Task.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
            process.Dispose();
        }

        await _listener.DisposeAsync();
        _lifetime.Dispose();
    }

    private void StartProcess(Action<LambdaLogLine> log)
    {
        var start = new ProcessStartInfo(_function.Bootstrap.FileName)
        {
            WorkingDirectory = _function.Bootstrap.TaskRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in _function.Bootstrap.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Lambda's environment is clean: nothing of ours leaks in but what the options pass through.
        start.Environment.Clear();
        foreach (var (name, value) in LambdaEnvironment.For(_function, _options, _listener.Address, _time.GetUtcNow()))
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Forward(line.Data, isError: false);
        process.ErrorDataReceived += (_, line) => Forward(line.Data, isError: true);
        StartedAt = _time.GetTimestamp();
        process.Start();
        _process = process;
        ProcessId = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = WatchAsync(process);

        void Forward(string? text, bool isError)
        {
            if (text is not null)
            {
                log(new LambdaLogLine(_function.FunctionName, ProcessId, text, isError));
            }
        }
    }

    private async Task WatchAsync(Process process)
    {
        await process.WaitForExitAsync(CancellationToken.None);
        _exited.TrySetResult(process.ExitCode);
    }

    private async Task<LambdaFunctionError> TimedOutAsync(PendingInvocation pending)
    {
        // Lambda stops a timed-out environment; the next event gets a fresh one.
        await _lifetime.CancelAsync();
        if (_process is { } process)
        {
            Kill(process);
        }

        var seconds = _function.EffectiveTimeout.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var error = new LambdaFunctionError(LambdaFunctionError.TimedOut, $"RequestId: {pending.RequestId} Error: Task timed out after {seconds} seconds");
        pending.TryComplete(null, error, _time.GetTimestamp());
        return error;
    }

    /// <summary>An init error is not recoverable: the invocation fails with it and the environment is discarded.</summary>
    private async Task<LambdaFunctionError> InitFailedAsync()
    {
        await _lifetime.CancelAsync();
        return await _initError.Task;
    }

    private static LambdaFunctionError ExitError(string requestId, int exitCode) => new(
        LambdaFunctionError.ExitError,
        exitCode == 0
            ? $"RequestId: {requestId} Error: Runtime exited without providing a reason"
            : $"RequestId: {requestId} Error: Runtime exited with error: exit status {exitCode.ToString(CultureInfo.InvariantCulture)}");

    private TimeSpan Remaining(DateTimeOffset deadline)
    {
        var left = deadline - _time.GetUtcNow();
        return left < TimeSpan.Zero ? TimeSpan.Zero : left;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url?.AbsolutePath ?? "";
        try
        {
            switch (request.HttpMethod)
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
                    await WriteAsync(context.Response, HttpStatusCode.NotFound, new RuntimeErrorBody($"No Runtime API route for {request.HttpMethod} {path}.", "NotFound"));
                    break;
            }
        }
        catch (Exception broken) when (broken is HttpListenerException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            // The runtime went away mid-exchange, or the environment is being disposed.
            context.Response.Abort();
        }
    }

    private async Task NextAsync(HttpListenerContext context)
    {
        _firstNextAt ??= _time.GetTimestamp();
        var pending = await _queue.Reader.ReadAsync(_lifetime.Token);
        pending.DeliveredAt = _time.GetTimestamp();
        _inFlight[pending.RequestId] = pending;

        var response = context.Response;
        response.StatusCode = (int)HttpStatusCode.OK;
        response.ContentType = "application/json";
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = pending.RequestId;
        response.Headers["Lambda-Runtime-Deadline-Ms"] = pending.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = FunctionArn;
        response.Headers["Lambda-Runtime-Trace-Id"] = pending.TraceId;
        if (pending.EmulatedTime is { } emulated)
        {
            response.Headers["X-Outpost-Serverless-Emulated-Time"] = emulated.ToString("O", CultureInfo.InvariantCulture);
        }

        var body = Encoding.UTF8.GetBytes(pending.Payload);
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body, _lifetime.Token);
        response.Close();
    }

    private async Task ResponseAsync(HttpListenerContext context, string requestId)
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

    private async Task ErrorAsync(HttpListenerContext context, string requestId)
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
    private static async Task<LambdaFunctionError> ReadErrorAsync(HttpListenerRequest request)
    {
        var header = request.Headers["Lambda-Runtime-Function-Error-Type"];
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

    private static async Task<byte[]> ReadBodyAsync(HttpListenerRequest request)
    {
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static string RequestIdOf(string path, string suffix) =>
        Uri.UnescapeDataString(path[Invocation.Length..^suffix.Length]);

    private static Task InvalidRequestIdAsync(HttpListenerResponse response, string requestId) =>
        WriteAsync(response, HttpStatusCode.BadRequest, new RuntimeErrorBody($"Invalid request ID: {requestId}", "InvalidRequestID"));

    private static async Task AcceptedAsync(HttpListenerResponse response)
    {
        response.StatusCode = (int)HttpStatusCode.Accepted;
        response.ContentType = "application/json";
        var body = JsonSerializer.SerializeToUtf8Bytes(new RuntimeApiStatus("OK"), LambdaJsonContext.Default.RuntimeApiStatus);
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    private static async Task WriteAsync(HttpListenerResponse response, HttpStatusCode status, RuntimeErrorBody error)
    {
        response.StatusCode = (int)status;
        response.ContentType = "application/json";
        var body = JsonSerializer.SerializeToUtf8Bytes(error, LambdaJsonContext.Default.RuntimeErrorBody);
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }
}
