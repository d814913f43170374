using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

public sealed record EnsureVpcInput(ProvisioningPlan Plan) : IPlannedEvent;
