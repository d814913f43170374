using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.StepFunctions;
using OutpostServerless.Emulator.Calls;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.Workflow;

/// <summary>
/// SendTaskSuccess for functions run in process: it reaches the local engine's <see cref="TaskTokens"/> (every
/// runner of the local account shares them), and the engine's refusals surface as the service errors a real
/// client throws (<c>TaskTimedOut</c>, <c>TaskDoesNotExist</c>, <c>InvalidToken</c>, <c>InvalidOutput</c>). Each
/// call is kept with the function that made it, as the emulator keeps its own (least-privilege tests).
/// </summary>
public sealed class LocalTaskCallbacks : ITaskCallbacks, IAttributesCalls<ITaskCallbacks>
{
    private readonly TaskTokens _tokens;
    private readonly TimeProvider _clock;
    private readonly CallRecord _record;
    private readonly string? _caller;

    public LocalTaskCallbacks(TaskTokens tokens, TimeProvider clock)
        : this(tokens, clock, new CallRecord(), caller: null)
    {
    }

    private LocalTaskCallbacks(TaskTokens tokens, TimeProvider clock, CallRecord record, string? caller)
    {
        _tokens = tokens;
        _clock = clock;
        _record = record;
        _caller = caller;
    }

    /// <summary>Every call made through this service and its views, in order.</summary>
    public IReadOnlyList<ApiCall> Calls => _record.All;

    public ITaskCallbacks For(string caller) => new LocalTaskCallbacks(_tokens, _clock, _record, caller);

    public Task SendTaskSuccessAsync(SendTaskSuccessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? error = null;
        try
        {
            _tokens.SendTaskSuccess(request.TaskToken, request.Output);
            return Task.CompletedTask;
        }
        catch (TaskTokenException refused)
        {
            error = refused.ErrorCode;
            return Task.FromException(new AwsServiceError("states", refused.ErrorCode, refused.Message));
        }
        finally
        {
            _record.Add(_caller, "states:SendTaskSuccess", _clock.GetUtcNow(), error);
        }
    }
}
