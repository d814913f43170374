namespace OutpostServerless.Functions.Logging;

/// <summary>
/// The fields every line of the current invocation carries. The runtime serves one invocation at a time,
/// so the loop sets them when an event arrives and clears them when it has answered; the handler adds the
/// provisioning once it has read the event.
/// </summary>
public sealed class LogContext(string functionName, string step, string service = LogContext.DefaultService)
{
    /// <summary>The service name when <c>POWERTOOLS_SERVICE_NAME</c> does not give one.</summary>
    public const string DefaultService = "outpost-serverless";

    public string FunctionName { get; } = functionName;

    public string Service { get; } = service;

    /// <summary>The invocation's X-Ray trace header (<c>Root=…;Parent=…;Sampled=…</c>), when Lambda gave one.</summary>
    public string? TraceId { get; private set; }

    /// <summary>True during the first invocation of this execution environment.</summary>
    public bool? ColdStart { get; private set; }

    public string? RequestId { get; private set; }

    public string? ProvisioningId { get; private set; }

    /// <summary>The handler this process runs: one step per function.</summary>
    public string Step { get; } = step;

    public void Begin(string requestId, string? traceId = null, bool? coldStart = null)
    {
        RequestId = requestId;
        ProvisioningId = null;
        TraceId = traceId;
        ColdStart = coldStart;
    }

    /// <summary>The provisioning the invocation's event belongs to, once the handler has read it (<see cref="Handlers.InvocationNotes"/>).</summary>
    public void SetProvisioning(string? provisioningId) => ProvisioningId = provisioningId;

    public void End()
    {
        RequestId = null;
        ProvisioningId = null;
        TraceId = null;
        ColdStart = null;
    }
}
