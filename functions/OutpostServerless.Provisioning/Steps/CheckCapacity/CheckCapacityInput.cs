using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <param name="Gate">The previous <see cref="CapacityGate"/> (or the state machine's initial
/// <c>{ "waitedSeconds": 0 }</c>); absent on the first check.</param>
/// <param name="Apply">PlanProvisioning's plan: the gate asks only for its <see cref="ApplyPlan.SlotsNeeded"/>.
/// Absent (a direct call): the whole instanceCount.</param>
public sealed record CheckCapacityInput(ProvisioningPlan Plan, CapacityWaitProgress? Gate = null, ApplyPlan? Apply = null) : IPlannedEvent;
