using Amazon.EC2.Model;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator;

/// <summary>
/// What the account's network team set up before any provisioning runs: VPCs with their ways out
/// (internet gateway, NAT gateway, transit gateway, local gateway, VPC endpoints). Made directly in
/// the world, not as API calls, so call counts and call attribution see only the workflow's calls.
/// Each way out is a 0.0.0.0/0 route in the VPC's main route table (or the endpoints).
/// </summary>
public sealed class NetworkSetup
{
    private const string DefaultRoute = "0.0.0.0/0";
    private static readonly string[] EcsServices = ["ecs", "ecs-agent", "ecs-telemetry"];
    private static readonly string[] EcrServices = ["ecr.api", "ecr.dkr"];
    private readonly EmulatedRegion _region;

    internal NetworkSetup(EmulatedRegion region) => _region = region;

    /// <summary>A VPC with only the local route in its main table (as CreateVpc leaves it).</summary>
    public string Vpc(string cidr = "10.0.0.0/16") =>
        _region.Locked(() => _region.Ec2.CreateVpc(new CreateVpcRequest { CidrBlock = cidr }).Vpc.VpcId);

    public string MainRouteTable(string vpcId) => _region.Locked(() => MainTable(vpcId));

    /// <summary>An internet gateway attached to the VPC, and the main table's default route to it (the VPC's own, if it has them already).</summary>
    public string InternetGatewayRoute(string vpcId) => _region.Locked(() =>
    {
        var attached = _region.Ec2.DescribeInternetGateways(new DescribeInternetGatewaysRequest { Filters = [new Filter("attachment.vpc-id", [vpcId])] }).InternetGateways;
        if (attached is { Count: > 0 })
        {
            return attached[0].InternetGatewayId;
        }

        var gateway = _region.Ec2.CreateInternetGateway(new CreateInternetGatewayRequest()).InternetGateway.InternetGatewayId;
        _region.Ec2.AttachInternetGateway(new AttachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpcId });
        _region.Ec2.CreateRoute(new CreateRouteRequest { RouteTableId = MainTable(vpcId), DestinationCidrBlock = DefaultRoute, GatewayId = gateway });
        return gateway;
    });

    /// <summary>Instances launched into the subnet get a public IPv4 address (ModifySubnetAttribute MapPublicIpOnLaunch).</summary>
    public void MapPublicIpOnLaunch(string subnetId) =>
        _region.Locked(() => _region.Ec2.ModifySubnetAttribute(new ModifySubnetAttributeRequest { SubnetId = subnetId, MapPublicIpOnLaunch = true }));

    /// <summary>A NAT gateway in a regional subnet of the VPC, and the main table's default route to it.</summary>
    public string NatGatewayRoute(string vpcId, string publicSubnetCidr) => _region.Locked(() =>
    {
        var subnet = _region.Ec2.CreateSubnet(new CreateSubnetRequest { VpcId = vpcId, CidrBlock = publicSubnetCidr, AvailabilityZone = _region.Options.AvailabilityZones[^1].ZoneName }).Subnet.SubnetId;
        var nat = _region.Ec2.CreateNatGateway(subnet);
        _region.Ec2.CreateRoute(new CreateRouteRequest { RouteTableId = MainTable(vpcId), DestinationCidrBlock = DefaultRoute, NatGatewayId = nat });
        return nat;
    });

    /// <summary>A transit gateway the VPC is attached to, and the main table's default route to it.</summary>
    public string TransitGatewayRoute(string vpcId) => _region.Locked(() =>
    {
        var gateway = _region.Ec2.CreateTransitGateway([vpcId]);
        _region.Ec2.CreateRoute(new CreateRouteRequest { RouteTableId = MainTable(vpcId), DestinationCidrBlock = DefaultRoute, TransitGatewayId = gateway });
        return gateway;
    });

    /// <summary>The VPC associated with the default Outpost's local gateway route table, and the main table's default route to the local gateway.</summary>
    public string LocalGatewayRoute(string vpcId) => _region.Locked(() =>
    {
        var gateway = _region.Options.Outposts[0].LocalGateway ?? throw new InvalidOperationException("The default Outpost has no local gateway.");
        _region.Ec2.CreateLocalGatewayRouteTableVpcAssociation(new CreateLocalGatewayRouteTableVpcAssociationRequest { LocalGatewayRouteTableId = gateway.RouteTableId, VpcId = vpcId });
        _region.Ec2.CreateRoute(new CreateRouteRequest { RouteTableId = MainTable(vpcId), DestinationCidrBlock = DefaultRoute, LocalGatewayId = gateway.LocalGatewayId });
        return gateway.LocalGatewayId;
    });

    /// <summary>ECS's interface endpoints (ecs, ecs-agent, ecs-telemetry) and, unless left out, ECR's (ecr.api, ecr.dkr) with the S3 gateway endpoint on the main table.</summary>
    public void EcsEndpoints(string vpcId, bool withEcr = true) => _region.Locked(() =>
    {
        foreach (var service in withEcr ? EcsServices.Concat(EcrServices) : EcsServices)
        {
            _region.Ec2.CreateVpcEndpoint(vpcId, service);
        }

        if (withEcr)
        {
            _region.Ec2.CreateVpcEndpoint(vpcId, "s3", [MainTable(vpcId)]);
        }
    });

    private string MainTable(string vpcId) =>
        _region.Ec2.DescribeRouteTables(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("vpc-id", [vpcId]), new Filter("association.main", ["true"])],
        }).RouteTables[0].RouteTableId;
}
