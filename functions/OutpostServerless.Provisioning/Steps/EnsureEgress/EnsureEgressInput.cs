using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

public sealed record EnsureEgressInput(ProvisioningPlan Plan, VpcResource? Vpc, SubnetResource? Subnet) : IPlannedEvent;
