namespace OutpostServerless.Emulator.Calls;

/// <summary>
/// A queued fault: after letting <see cref="Skip"/> matching calls through, the next <see cref="Remaining"/>
/// calls matching <see cref="Operation"/> (an operation, <c>service:*</c> or <c>*</c>) are hit by it.
/// Part of the saved world state, so a continued world keeps its pending faults.
/// </summary>
internal sealed class InjectedFault
{
    public required string Operation { get; set; }
    public FaultKind Kind { get; set; } = FaultKind.Error;
    /// <summary>The AWS error code of a <see cref="FaultKind.Error"/> fault.</summary>
    public string? ErrorCode { get; set; }
    public string? Message { get; set; }
    public int Skip { get; set; }
    public int Remaining { get; set; }
    /// <summary>How long the slots of a <see cref="FaultKind.CapacityTaken"/> fault stay taken.</summary>
    public int HoldSeconds { get; set; }

    /// <summary>False for faults that stop the call before it reaches the service.</summary>
    public bool LetsCallRun => Kind is FaultKind.TimeoutAfterEffect or FaultKind.CapacityTaken;

    /// <summary>The code the caller sees (null for <see cref="FaultKind.CapacityTaken"/>, which is not an error).</summary>
    public string? CallerErrorCode(string operation) => Kind switch
    {
        FaultKind.Error => ErrorCode,
        FaultKind.Throttling => ServiceErrors.ThrottlingCode(operation),
        FaultKind.ServerError => ServiceErrors.ServerErrorCode(operation),
        FaultKind.TimeoutBeforeEffect or FaultKind.TimeoutAfterEffect => ApiCall.TimeoutErrorCode,
        _ => null,
    };

    /// <summary>
    /// What the caller's client throws: the service's own exception type for AWS errors; for a timeout,
    /// the <see cref="TimeoutException"/> the AWS SDK surfaces when its HTTP request times out.
    /// </summary>
    public Exception ToException(string operation) => Kind switch
    {
        FaultKind.Error => ServiceErrors.Create(operation, ErrorCode ?? "InternalFailure", Message ?? "Injected fault."),
        FaultKind.Throttling => ServiceErrors.Throttling(operation),
        FaultKind.ServerError => ServiceErrors.ServerError(operation),
        FaultKind.TimeoutBeforeEffect or FaultKind.TimeoutAfterEffect =>
            new TimeoutException($"The {operation} request timed out: no response arrived within the client's timeout."),
        _ => throw new InvalidOperationException($"A {Kind} fault does not fail the call."),
    };
}
