using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

public sealed record CheckWorkloadInput(ProvisioningPlan Plan, ProvisioningResources? Resources) : IPlannedEvent;
