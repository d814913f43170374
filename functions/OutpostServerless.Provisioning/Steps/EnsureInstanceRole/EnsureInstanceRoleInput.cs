using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

public sealed record EnsureInstanceRoleInput(ProvisioningPlan Plan) : IPlannedEvent;
