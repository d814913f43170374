using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Chaos.Lifecycle;

/// <summary>One step of a sequence: which provisioning, what is done to it, with which request.</summary>
public sealed record LifecycleOperation(string ProvisioningId, LifecycleAction Action, JsonObject Request, string? Change = null);
