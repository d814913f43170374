using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <param name="Apply">PlanProvisioning's plan: the provisioning's revision that already matches, when it found one
/// (the family's latest may belong to another provisioning sharing the family).</param>
public sealed record RegisterTaskDefinitionInput(ProvisioningPlan Plan, ApplyPlan? Apply = null) : IPlannedEvent;
