using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

public sealed record LaunchContainerInstancesInput(ProvisioningPlan Plan, ProvisioningResources? Resources) : IPlannedEvent;
