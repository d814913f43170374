using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

public sealed record PlanProvisioningInput(ProvisioningPlan Plan) : IPlannedEvent;
