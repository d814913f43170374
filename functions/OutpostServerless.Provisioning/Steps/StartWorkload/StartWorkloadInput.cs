using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

public sealed record StartWorkloadInput(ProvisioningPlan Plan, ProvisioningResources? Resources) : IPlannedEvent;
