using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

public sealed record EnsureSubnetInput(ProvisioningPlan Plan, VpcResource? Vpc) : IPlannedEvent;
