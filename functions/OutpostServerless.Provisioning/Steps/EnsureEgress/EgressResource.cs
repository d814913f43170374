using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// <c>$.resources.egress</c>: the way out the container instances use. <see cref="Path"/> says it in
/// words (e.g. <c>0.0.0.0/0 → igw-… in rtb-…, public IPv4 on launch</c>); the ids are what this
/// provisioning uses (made, or found in an existing VPC).
/// </summary>
public sealed record EgressResource(
    EgressMode Mode,
    string Path,
    string RouteTableId,
    string? InternetGatewayId = null,
    string? LocalGatewayRouteTableVpcAssociationId = null);
