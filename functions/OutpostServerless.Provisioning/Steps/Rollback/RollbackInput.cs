using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <param name="Failure">What the Catch recorded; only logged, since Rollback finds resources by tag.</param>
public sealed record RollbackInput(ProvisioningPlan Plan, StepFailure? Failure = null);
