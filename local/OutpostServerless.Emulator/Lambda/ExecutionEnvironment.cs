using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace OutpostServerless.Emulator.Lambda;

/// <summary>
/// One execution environment of a function: its <c>bootstrap</c> process, supervised, polling its own
/// <see cref="RuntimeApiEndpoint"/>. An event completes with the response or error the runtime posts, or with the
/// platform's own error when the deadline passes (<c>Sandbox.Timedout</c>, and the environment is discarded) or the
/// process exits (<c>Runtime.ExitError</c>, or the init error it posted).
/// </summary>
internal sealed class ExecutionEnvironment : IAsyncDisposable
{
    private readonly LambdaFunctionConfiguration _function;
    private readonly LambdaServiceOptions _options;
    private readonly RuntimeApiEndpoint _runtimeApi;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    private ExecutionEnvironment(LambdaFunctionConfiguration function, LambdaServiceOptions options, RuntimeApiEndpoint runtimeApi)
    {
        _function = function;
        _options = options;
        _runtimeApi = runtimeApi;
    }

    /// <summary>Timestamp taken just before the process was started.</summary>
    public long StartedAt { get; private set; }

    public int ProcessId { get; private set; }

    /// <summary>True once the process has exited or been discarded: the environment takes no more events.</summary>
    public bool IsDead => _exited.Task.IsCompleted || _runtimeApi.InitError.IsCompleted || _lifetime.IsCancellationRequested;

    /// <summary>The Runtime API address the process was given (<c>AWS_LAMBDA_RUNTIME_API</c>).</summary>
    public string RuntimeApi => _runtimeApi.Address;

    public static async Task<ExecutionEnvironment> StartAsync(
        LambdaFunctionConfiguration function, LambdaServiceOptions options, Action<LambdaLogLine> log, CancellationToken cancellationToken)
    {
        var functionArn = $"arn:aws:lambda:{options.Region}:{options.AccountId}:function:{function.FunctionName}";
        var runtimeApi = await RuntimeApiEndpoint.StartAsync(functionArn, TimeProvider.System, cancellationToken);
        var environment = new ExecutionEnvironment(function, options, runtimeApi);
        try
        {
            environment.StartProcess(log);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
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
        _runtimeApi.Enqueue(pending);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(Remaining(pending.Deadline), _time, deadline.Token);
        await Task.WhenAny(pending.Outcome, _runtimeApi.InitError, _exited.Task, timer);
        await deadline.CancelAsync();

        var (response, error) = pending.Outcome.IsCompleted
            ? await pending.Outcome
            : _runtimeApi.InitError.IsCompleted
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
            coldStart && _runtimeApi.FirstNextAt is { } firstNext ? _time.GetElapsedTime(StartedAt, firstNext) : null,
            pending.DeliveredAt is { } delivered ? _time.GetElapsedTime(delivered, end) : TimeSpan.Zero,
            ProcessMemory.PeakResidentBytes(ProcessId),
            ProcessId);
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        await _runtimeApi.CloseAsync();
        if (_process is { } process)
        {
            Kill(process);
            await _exited.Task.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
            process.Dispose();
        }

        await _runtimeApi.DisposeAsync();
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
        foreach (var (name, value) in LambdaEnvironment.For(_function, _options, _runtimeApi.Address, _time.GetUtcNow()))
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
        await _runtimeApi.CloseAsync();
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
        await _runtimeApi.CloseAsync();
        return await _runtimeApi.InitError;
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
}
