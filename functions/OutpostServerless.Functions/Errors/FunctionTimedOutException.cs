namespace OutpostServerless.Functions.Errors;

/// <summary>
/// The invocation's deadline (<c>Lambda-Runtime-Deadline-Ms</c>) passed before the handler finished.
/// Reported as Lambda itself reports a timeout, <c>Sandbox.Timedout</c>, so the state machine sees the
/// same error whether the runtime or the platform gets there first.
/// </summary>
public sealed class FunctionTimedOutException(string requestId, TimeSpan timeout)
    : Exception($"RequestId: {requestId} Error: Task timed out after {timeout.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} seconds")
{
    public const string ErrorType = "Sandbox.Timedout";

    public string RequestId { get; } = requestId;

    public TimeSpan Timeout { get; } = timeout;
}
