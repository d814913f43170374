using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <param name="TaskToken">The parked task's <c>$$.Task.Token</c>: the wake-up ends the wait with it.</param>
/// <param name="Apply">PlanProvisioning's plan: the entry waits for its <see cref="ApplyPlan.SlotsNeeded"/> (absent: the whole instanceCount).</param>
public sealed record JoinCapacityQueueInput(ProvisioningPlan Plan, string TaskToken, ApplyPlan? Apply = null) : IPlannedEvent;
