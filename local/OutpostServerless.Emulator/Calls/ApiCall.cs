namespace OutpostServerless.Emulator.Calls;

/// <summary>
/// One API call the world answered: <c>ec2:RunInstances</c>, when, and the error code the caller saw if it
/// failed (<c>TimeoutException</c> for an injected timeout). <see cref="Fault"/> names the injected fault
/// that hit the call, if any.
/// </summary>
public sealed record ApiCall(long Sequence, string Operation, DateTimeOffset At, bool IsMutating, string? ErrorCode, FaultKind? Fault = null)
{
    /// <summary>The error code recorded for a call whose caller timed out.</summary>
    public const string TimeoutErrorCode = nameof(TimeoutException);

    /// <summary>Who made the call: the function's logical id its ports are bound to (<see cref="EmulatedCloud.PortsFor"/>), or null.</summary>
    public string? Caller { get; init; }

    public bool Succeeded => ErrorCode is null;

    /// <summary>The change was made: the call succeeded, or only its response was lost.</summary>
    public bool TookEffect => ErrorCode is null || Fault == FaultKind.TimeoutAfterEffect;
}
