namespace OutpostServerless.Provisioning.Steps;

/// <summary>What exists of a provisioning, found in AWS by its tag and names (not from any execution's output), in dependency order.</summary>
public sealed record ProvisioningInventory(string ProvisioningId, IReadOnlyList<ProvisioningResource> Resources);
