using OutpostServerless.Emulator.Calls;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Chaos;

/// <summary>
/// Makes a function die right after one of its AWS calls succeeded, as a Lambda runtime crash (out of
/// memory, a killed process) would: the call's change stays, nothing after it runs, and Step Functions
/// sees <c>Lambda.Unknown</c>, the error Lambda reports for a function that returned no error type.
/// </summary>
/// <param name="calls">The call log of the world the functions call.</param>
public sealed class CrashingInvoker(ITaskInvoker inner, ApiCallLog calls) : ITaskInvoker
{
    public const string CrashError = "Lambda.Unknown";

    /// <summary>
    /// For the plain <see cref="InvokeAsync(TaskInvocation, CancellationToken)"/>: given an invocation,
    /// which successful call to crash after (null: let it run). Evaluated once per invocation.
    /// </summary>
    public Func<TaskInvocation, Func<ApiCall, bool>?>? Plan { get; init; }

    /// <summary>How many invocations crashed.</summary>
    public int Crashes { get; private set; }

    public Task<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) =>
        InvokeAsync(invocation, Plan?.Invoke(invocation), cancellationToken);

    /// <param name="crashAfter">Asked for each call of this invocation that succeeded; the first true crashes the function.</param>
    public async Task<TaskOutcome> InvokeAsync(TaskInvocation invocation, Func<ApiCall, bool>? crashAfter, CancellationToken cancellationToken)
    {
        if (crashAfter is null)
        {
            return await inner.InvokeAsync(invocation, cancellationToken);
        }

        using var death = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ApiCall? fatal = null;
        // The emulator refuses every call once the token is cancelled, so nothing runs after the fatal one.
        using (calls.Observe(call =>
        {
            if (fatal is null && call.Succeeded && crashAfter(call))
            {
                fatal = call;
                death.Cancel();
            }
        }))
        {
            TaskOutcome outcome;
            try
            {
                outcome = await inner.InvokeAsync(invocation, death.Token);
            }
            catch (OperationCanceledException) when (fatal is not null && !cancellationToken.IsCancellationRequested)
            {
                return Crashed(fatal);
            }

            return fatal is null ? outcome : Crashed(fatal);
        }
    }

    private TaskOutcome Crashed(ApiCall fatal)
    {
        Crashes++;
        return TaskOutcome.Failure(
            CrashError,
            $"The function's runtime exited right after {fatal.Operation} succeeded (an injected crash); Lambda returned no error type.");
    }
}
