namespace OutpostServerless.StateMachine;

/// <summary>
/// Runs the work behind a Task state's Resource. The engine calls it once per attempt (retries call it
/// again with a higher <see cref="TaskInvocation.RetryCount"/>).
/// <list type="bullet">
/// <item>A Lambda function ARN (<c>arn:aws:lambda:…:function:name</c>): <see cref="TaskInvocation.Input"/> is the
/// event; return the function's output.</item>
/// <item><c>arn:aws:states:::lambda:invoke</c>: the input is the Invoke request (<c>{"FunctionName", "Payload", …}</c>);
/// return the function's output (the payload) — the engine wraps it in the Invoke response as AWS does.</item>
/// <item>Anything else: the input is the effective parameters; return the task result.</item>
/// </list>
/// The input is the engine's state data: read it, never change it (copy it to keep or change it). The
/// output becomes the engine's: return a node made for this call, not one you keep or return again.
/// Report a function error with <see cref="TaskOutcome.FunctionError"/> and service errors with
/// <see cref="TaskOutcome.Failure"/> (e.g. <c>Lambda.TooManyRequestsException</c>). Honour the token: it is
/// cancelled when the task times out or the execution stops.
/// </summary>
public interface ITaskInvoker
{
    Task<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken);
}
