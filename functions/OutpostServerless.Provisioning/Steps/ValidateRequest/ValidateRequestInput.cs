using System.Text.Json.Nodes;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// ValidateRequest's input: the request exactly as the execution received it (any JSON, even none)
/// and the execution's name, which is the default provisioning id.
/// </summary>
public sealed record ValidateRequestInput(JsonNode? Request, string? ExecutionName);
