using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.StepFunctions;
using OutpostServerless.Emulator.Calls;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Local;

/// <summary>
/// SendTaskSuccess for functions run in process: it reaches the local engine's <see cref="TaskTokens"/> (every
/// runner of the local account shares them), and the engine's refusals surface as the service errors a real
/// client throws (<c>TaskTimedOut</c>, <c>TaskDoesNotExist</c>, <c>InvalidToken</c>, <c>InvalidOutput</c>). Each
/// call is kept with the function that made it, as the emulator keeps its own (least-privilege tests).
/// </summary>
public sealed class LocalTaskCallbacks(TaskTokens tokens, TimeProvider clock) : ITaskCallbacks
{
    private readonly Lock _sync = new();
    private readonly List<ApiCall> _calls = [];

    public IReadOnlyList<ApiCall> Calls
    {
        get
        {
            lock (_sync)
            {
                return [.. _calls];
            }
        }
    }

    public Task SendTaskSuccessAsync(SendTaskSuccessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? error = null;
        try
        {
            tokens.SendTaskSuccess(request.TaskToken, request.Output);
            return Task.CompletedTask;
        }
        catch (TaskTokenException refused)
        {
            error = refused.ErrorCode;
            return Task.FromException(new AwsServiceError("states", refused.ErrorCode, refused.Message));
        }
        finally
        {
            lock (_sync)
            {
                _calls.Add(new ApiCall(_calls.Count, "states:SendTaskSuccess", clock.GetUtcNow(), IsMutating: true, error) { Caller = CallerScope.Current });
            }
        }
    }
}
