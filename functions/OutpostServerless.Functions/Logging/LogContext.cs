namespace OutpostServerless.Functions.Logging;

/// <summary>
/// The fields every line of the current invocation carries. The runtime serves one invocation at a time,
/// so the loop sets them when an event arrives and clears them when it has answered.
/// </summary>
public sealed class LogContext(string functionName, string step)
{
    public string FunctionName { get; } = functionName;

    public string? RequestId { get; private set; }

    public string? ProvisioningId { get; private set; }

    /// <summary>The handler this process runs: one step per function.</summary>
    public string Step { get; } = step;

    public void Begin(string requestId, string? provisioningId)
    {
        RequestId = requestId;
        ProvisioningId = provisioningId;
    }

    public void End()
    {
        RequestId = null;
        ProvisioningId = null;
    }
}
