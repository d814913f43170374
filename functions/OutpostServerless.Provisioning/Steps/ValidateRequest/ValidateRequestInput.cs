using System.Text.Json.Nodes;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// ValidateRequest's input: the request exactly as the execution received it (any JSON, even none),
/// the execution's name, which is the default provisioning id, and its start time
/// (<c>$$.Execution.StartTime</c>), which with the name identifies the execution.
/// </summary>
public sealed record ValidateRequestInput(JsonNode? Request, string? ExecutionName, string? ExecutionStartTime = null) : IProvisioningEvent
{
    /// <summary>The request's provisioningId when it names one as text, else the execution's name (as the plan will be).</summary>
    string? IProvisioningEvent.ProvisioningId =>
        Request is JsonObject request && request["provisioningId"] is JsonValue id && id.TryGetValue(out string? named) ? named : ExecutionName;
}
