using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <param name="Plan">The provisioning's last applied request, validated: its names say where to look, the provisioning-id tag what is ours.</param>
public sealed record DescribeProvisioningInput(ProvisioningPlan Plan) : IPlannedEvent;
