namespace OutpostServerless.Cli.Chaos;

/// <summary>The faults a chaos run throws at a step attempt (one Lambda invocation).</summary>
public enum InvocationFault
{
    /// <summary>One of its AWS calls is throttled with the service's own code.</summary>
    Throttling,
    /// <summary>One of its AWS calls meets the service's 5xx.</summary>
    ServerError,
    /// <summary>One of its AWS calls times out before reaching the service.</summary>
    TimeoutBeforeEffect,
    /// <summary>One of its AWS calls takes effect but its response is lost.</summary>
    TimeoutAfterEffect,
    /// <summary>The function dies right after one of its mutating calls succeeded.</summary>
    Crash,
    /// <summary>Lambda itself fails the invoke (<c>Lambda.ServiceException</c>); the function never runs.</summary>
    LambdaServiceError,
}
