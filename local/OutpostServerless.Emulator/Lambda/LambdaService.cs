using System.Collections.Concurrent;

namespace OutpostServerless.Emulator.Lambda;

/// <summary>
/// The emulator's Lambda: runs each configured function's real <c>bootstrap</c> as a child process speaking
/// the Lambda Runtime API, as Lambda runs a provided.al2023 function. An invocation takes a warm (idle)
/// execution environment of the function when there is one, else starts a new process (a cold start);
/// environments stay warm between invocations and are discarded when their process exits, times out or
/// fails to initialize. Every process is killed on dispose.
/// </summary>
public sealed class LambdaService(LambdaServiceOptions? options = null) : IAsyncDisposable
{
    private readonly LambdaServiceOptions _options = options ?? new LambdaServiceOptions();
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LambdaFunctionConfiguration> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Stack<ExecutionEnvironment>> _idle = new(StringComparer.Ordinal);
    private readonly HashSet<ExecutionEnvironment> _all = [];
    private readonly ConcurrentQueue<LambdaLogLine> _logs = new();
    private bool _disposed;

    public IReadOnlyCollection<string> FunctionNames
    {
        get
        {
            lock (_gate)
            {
                return _functions.Keys.ToArray();
            }
        }
    }

    /// <summary>Every line the functions' processes have written so far, in arrival order.</summary>
    public IReadOnlyList<LambdaLogLine> Logs => _logs.ToArray();

    /// <summary>Live execution environments (processes), busy or warm.</summary>
    public int EnvironmentCount
    {
        get
        {
            lock (_gate)
            {
                return _all.Count;
            }
        }
    }

    /// <summary>Adds or replaces a function; environments already running keep their old code until they are discarded.</summary>
    public void AddFunction(LambdaFunctionConfiguration function)
    {
        ArgumentNullException.ThrowIfNull(function);
        lock (_gate)
        {
            _functions[function.FunctionName] = function;
        }
    }

    /// <summary>A synchronous invoke (<c>RequestResponse</c>): the event in, the response or the function error out.</summary>
    /// <exception cref="LambdaFunctionNotFoundException">No function of that name.</exception>
    public async Task<LambdaInvocationResult> InvokeAsync(string functionName, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var accepted = _time.GetTimestamp();
        var (environment, coldStart) = await AcquireAsync(functionName);
        try
        {
            return await environment.InvokeAsync(payload, coldStart, coldStart ? environment.StartedAt : accepted, cancellationToken);
        }
        finally
        {
            await ReleaseAsync(functionName, environment);
        }
    }

    public async ValueTask DisposeAsync()
    {
        ExecutionEnvironment[] environments;
        lock (_gate)
        {
            _disposed = true;
            environments = [.. _all];
            _all.Clear();
            _idle.Clear();
        }

        foreach (var environment in environments)
        {
            await environment.DisposeAsync();
        }
    }

    private async Task<(ExecutionEnvironment Environment, bool ColdStart)> AcquireAsync(string functionName)
    {
        LambdaFunctionConfiguration function;
        var dead = new List<ExecutionEnvironment>();
        ExecutionEnvironment? reused = null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_functions.TryGetValue(functionName, out function!))
            {
                throw new LambdaFunctionNotFoundException(functionName);
            }

            if (_idle.TryGetValue(functionName, out var warm))
            {
                while (reused is null && warm.TryPop(out var environment))
                {
                    if (environment.IsDead)
                    {
                        // Its process exited while it sat idle.
                        _all.Remove(environment);
                        dead.Add(environment);
                    }
                    else
                    {
                        reused = environment;
                    }
                }
            }
        }

        foreach (var environment in dead)
        {
            await environment.DisposeAsync();
        }

        if (reused is not null)
        {
            return (reused, false);
        }

        // Outside the lock: starting a process takes a while, and other functions need not wait for it.
        var started = await ExecutionEnvironment.StartAsync(function, _options, Record, CancellationToken.None);
        lock (_gate)
        {
            _all.Add(started);
        }

        return (started, true);
    }

    private async Task ReleaseAsync(string functionName, ExecutionEnvironment environment)
    {
        lock (_gate)
        {
            if (!_disposed && !environment.IsDead)
            {
                if (!_idle.TryGetValue(functionName, out var warm))
                {
                    _idle[functionName] = warm = new Stack<ExecutionEnvironment>();
                }

                warm.Push(environment);
                return;
            }

            if (!_all.Remove(environment))
            {
                return; // disposing: DisposeAsync owns it now
            }
        }

        await environment.DisposeAsync();
    }

    private void Record(LambdaLogLine line)
    {
        _logs.Enqueue(line);
        _options.LogObserver?.Invoke(line);
    }
}
