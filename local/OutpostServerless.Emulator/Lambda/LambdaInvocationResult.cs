namespace OutpostServerless.Emulator.Lambda;

/// <summary>
/// One invocation, as Lambda's REPORT line tells it: the response or the function error, whether it was a
/// cold start, how long it took and the process's peak memory.
/// </summary>
/// <param name="Elapsed">From the moment the invocation was accepted (for a cold start: from the process start) to its result.</param>
/// <param name="InitDuration">Cold starts only: process start to the runtime's first request for an event.</param>
/// <param name="Duration">From handing the event to the runtime to its result.</param>
/// <param name="MaxMemoryUsedBytes">The process's peak resident set (VmHWM) after the invocation; null where /proc is not available.</param>
public sealed record LambdaInvocationResult(
    string RequestId,
    string FunctionName,
    bool ColdStart,
    string? Payload,
    LambdaFunctionError? Error,
    TimeSpan Elapsed,
    TimeSpan? InitDuration,
    TimeSpan Duration,
    long? MaxMemoryUsedBytes,
    int ProcessId)
{
    public bool Succeeded => Error is null;
}
