namespace OutpostServerless.Emulator.Ec2;

/// <summary>
/// One route: a destination CIDR and exactly one target. <see cref="GatewayId"/> holds <c>local</c>,
/// an internet gateway (<c>igw-</c>) or a gateway VPC endpoint (<c>vpce-</c>), as EC2 reports them.
/// </summary>
internal sealed class RouteRecord
{
    public required string DestinationCidrBlock { get; set; }
    public string? GatewayId { get; set; }
    public string? NatGatewayId { get; set; }
    public string? TransitGatewayId { get; set; }
    public string? LocalGatewayId { get; set; }
    /// <summary><c>CreateRouteTable</c> for the local route, <c>CreateRoute</c> for the rest.</summary>
    public string Origin { get; set; } = "CreateRoute";
}
