namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// <c>$.apply</c>: what PlanProvisioning found and decided before anything was touched. Later steps
/// read <see cref="SlotsNeeded"/> (the capacity gate) and Rollback reads <see cref="Before"/>.
/// </summary>
/// <param name="Before">What existed when the execution started.</param>
/// <param name="SlotsNeeded">New instances the change launches: missing ones, or a replacement's new ones.</param>
public sealed record ApplyPlan(ProvisioningSnapshot Before, ChangeSet ChangeSet, int SlotsNeeded);
