namespace OutpostServerless.Functions.RuntimeApi;

/// <summary>One event from <c>GET /runtime/invocation/next</c>: the raw payload and the headers that come with it.</summary>
/// <param name="Deadline">When Lambda stops the invocation; null if the Runtime API sent no deadline.</param>
/// <param name="TraceId">The X-Ray header to export as <c>_X_AMZN_TRACE_ID</c> for this invocation.</param>
/// <param name="EmulatedTime">The local emulator's virtual time, if it sent one (see <see cref="RuntimeApiHeaders.EmulatedTime"/>).</param>
public sealed record Invocation(
    string RequestId,
    string Payload,
    DateTimeOffset? Deadline,
    string? InvokedFunctionArn,
    string? TraceId,
    string? ClientContext = null,
    string? CognitoIdentity = null,
    DateTimeOffset? EmulatedTime = null);
