using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <param name="Failure">What the Catch recorded; only logged, since Rollback finds resources by tag.</param>
/// <param name="Apply">PlanProvisioning's plan: its before snapshot is what Rollback restores and never deletes.</param>
public sealed record RollbackInput(ProvisioningPlan Plan, StepFailure? Failure = null, ApplyPlan? Apply = null) : IPlannedEvent;
