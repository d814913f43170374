using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

public sealed record EnsureClusterInput(ProvisioningPlan Plan) : IPlannedEvent;
