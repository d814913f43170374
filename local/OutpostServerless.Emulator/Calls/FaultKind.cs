namespace OutpostServerless.Emulator.Calls;

/// <summary>What an injected fault does to the call it hits.</summary>
public enum FaultKind
{
    /// <summary>A given AWS error code (see <see cref="FaultInjection.QueueError"/>); the call changes nothing.</summary>
    Error,

    /// <summary>
    /// The service's own throttling error, with its own code and HTTP status: EC2 <c>RequestLimitExceeded</c>
    /// (503), ECS and SSM <c>ThrottlingException</c>, IAM and CloudWatch <c>Throttling</c>, Outposts
    /// <c>ThrottlingException</c> (400). The call changes nothing.
    /// </summary>
    Throttling,

    /// <summary>
    /// The service's own 5xx: EC2 <c>InternalError</c>, ECS <c>ServerException</c>, IAM <c>ServiceFailure</c>,
    /// Outposts <c>InternalServerException</c>, CloudWatch <c>InternalServiceError</c>, SSM
    /// <c>InternalServerError</c>. The call changes nothing.
    /// </summary>
    ServerError,

    /// <summary>The client gives up before the request reaches the service: a <see cref="TimeoutException"/>, nothing changes.</summary>
    TimeoutBeforeEffect,

    /// <summary>
    /// The service does the work but the response is lost: the change happens, and the caller gets the same
    /// <see cref="TimeoutException"/> as <see cref="TimeoutBeforeEffect"/> (it cannot tell the two apart).
    /// </summary>
    TimeoutAfterEffect,

    /// <summary>
    /// Just before the call, another tenant launches into every free slot of every Outpost; the slots come
    /// back after the fault's hold time. The call itself then runs normally (a RunInstances then meets
    /// <c>InsufficientInstanceCapacity</c>): capacity taken between the gate and the launch.
    /// </summary>
    CapacityTaken,
}
