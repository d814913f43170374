using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

public sealed record RetireContainerInstancesInput(ProvisioningPlan Plan, ProvisioningResources? Resources) : IPlannedEvent;
