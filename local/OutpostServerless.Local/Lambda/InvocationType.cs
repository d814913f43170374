namespace OutpostServerless.Local.Lambda;

/// <summary>Lambda Invoke's <c>X-Amz-Invocation-Type</c>.</summary>
internal enum InvocationType
{
    /// <summary>Synchronous: the answer is the function's response or error (HTTP 200).</summary>
    RequestResponse,

    /// <summary>Asynchronous: queued, HTTP 202 at once, the response discarded.</summary>
    Event,

    /// <summary>Checks the function and the caller's parameters without running it (HTTP 204).</summary>
    DryRun,
}
