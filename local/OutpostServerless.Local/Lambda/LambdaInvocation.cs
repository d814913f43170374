namespace OutpostServerless.Local.Lambda;

/// <summary>
/// What Invoke answers: the status (200, 202 or 204), the payload (the response, or the error object for a
/// function error), <c>X-Amz-Function-Error</c>, the base64 log tail when asked for, and the version that ran.
/// </summary>
internal sealed record LambdaInvocation(int StatusCode, string Payload, string? FunctionError, string? LogResult, string ExecutedVersion);
