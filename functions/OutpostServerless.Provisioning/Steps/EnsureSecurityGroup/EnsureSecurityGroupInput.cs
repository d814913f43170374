using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

public sealed record EnsureSecurityGroupInput(ProvisioningPlan Plan, VpcResource? Vpc) : IPlannedEvent;
