using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

public sealed record CheckContainerInstancesInput(ProvisioningPlan Plan, ProvisioningResources? Resources) : IPlannedEvent;
