namespace OutpostServerless.Emulator.Lambda;

/// <summary>An event waiting for, or being handled by, a runtime; completed by its response or error post.</summary>
internal sealed class PendingInvocation(string requestId, string payload, DateTimeOffset deadline, DateTimeOffset? emulatedTime, string traceId)
{
    private readonly TaskCompletionSource<(string? Payload, LambdaFunctionError? Error)> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string RequestId { get; } = requestId;

    public string Payload { get; } = payload;

    /// <summary>Real time: the runtime measures it against the machine's clock.</summary>
    public DateTimeOffset Deadline { get; } = deadline;

    public DateTimeOffset? EmulatedTime { get; } = emulatedTime;

    public string TraceId { get; } = traceId;

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) when the runtime took the event.</summary>
    public long? DeliveredAt { get; set; }

    /// <summary>Timestamp when the response or error arrived.</summary>
    public long? CompletedAt { get; private set; }

    public Task<(string? Payload, LambdaFunctionError? Error)> Outcome => _outcome.Task;

    public bool TryComplete(string? payload, LambdaFunctionError? error, long timestamp)
    {
        if (_outcome.Task.IsCompleted)
        {
            return false;
        }

        CompletedAt = timestamp;
        return _outcome.TrySetResult((payload, error));
    }
}
