using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <param name="Plan">The provisioning's last applied request, validated: its names say what to look for, its tags what is ours.</param>
public sealed record TeardownInput(ProvisioningPlan Plan) : IPlannedEvent;
