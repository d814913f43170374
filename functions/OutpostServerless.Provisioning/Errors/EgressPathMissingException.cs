namespace OutpostServerless.Provisioning.Errors;

/// <summary>
/// The container instances would have no way to ECS or their image registry: with
/// <c>network.egress.mode: existing</c>, the subnet's route table has no usable default route and the
/// VPC lacks the endpoints that would do instead. Raised before anything is launched, instead of
/// waiting ten minutes for agents that can never register.
/// </summary>
public sealed class EgressPathMissingException(string subnetId, string routeTableId, string reason, string fix)
    : ProvisioningException(Name, $"Subnet {subnetId} (route table {routeTableId}): {reason}. Fix: {fix}")
{
    public const string Name = "Provisioning.EgressPathMissing";

    public string SubnetId { get; } = subnetId;
    public string RouteTableId { get; } = routeTableId;
}
