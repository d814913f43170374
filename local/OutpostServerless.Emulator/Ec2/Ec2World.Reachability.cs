namespace OutpostServerless.Emulator.Ec2;

/// <summary>
/// Whether an instance's traffic can reach an AWS endpoint, decided as the VPC would route it.
/// Without interface endpoints, the subnet's route table needs a default route (0.0.0.0/0) that is
/// active and leads out: an internet gateway with a public address on the instance, a NAT gateway,
/// a transit gateway, or the Outpost's local gateway with a customer-owned address on the instance
/// (AWS Outposts user guide, "Local gateway" and "Connectivity through the service link";
/// Amazon ECS developer guide, "Interface VPC endpoints"). The Outpost itself must be connected.
/// </summary>
internal sealed partial class Ec2World
{
    private const string DefaultRoute = "0.0.0.0/0";

    private static readonly string[] EcsEndpointServices = ["ecs", "ecs-agent", "ecs-telemetry"];
    private static readonly string[] EcrEndpointServices = ["ecr.api", "ecr.dkr"];

    public bool Reaches(InstanceRecord instance, AwsEndpoint target)
    {
        if (region.Outposts.FindByArn(instance.OutpostArn) is { Connected: false })
        {
            return false;
        }

        var subnet = FindSubnet(instance.SubnetId);
        var table = subnet is null ? null : EffectiveRouteTable(subnet);
        if (table is null)
        {
            return false;
        }

        return target switch
        {
            AwsEndpoint.Ecs => HasInterfaceEndpoints(instance.VpcId, EcsEndpointServices) || HasWayOut(instance, table),
            AwsEndpoint.Ecr => (HasInterfaceEndpoints(instance.VpcId, EcrEndpointServices) && HasS3GatewayEndpoint(table)) || HasWayOut(instance, table),
            _ => HasWayOut(instance, table),
        };
    }

    private bool HasWayOut(InstanceRecord instance, RouteTableRecord table)
    {
        var route = table.Routes.Find(r => r.DestinationCidrBlock == DefaultRoute);
        if (route is null || RouteState(table, route) != "active")
        {
            return false;
        }

        return route switch
        {
            { GatewayId: { } id } when id.StartsWith("igw-", StringComparison.Ordinal) => instance.PublicIpAddress is not null,
            { NatGatewayId: not null } or { TransitGatewayId: not null } => true,
            { LocalGatewayId: not null } => instance.CustomerOwnedIpAddress is not null,
            _ => false,
        };
    }

    private bool HasInterfaceEndpoints(string vpcId, IEnumerable<string> services) =>
        services.All(s => State.VpcEndpoints.Exists(e => e.VpcId == vpcId && e.VpcEndpointType == "Interface" && e.ServiceName == EndpointServiceName(s)));

    private bool HasS3GatewayEndpoint(RouteTableRecord table) =>
        State.VpcEndpoints.Exists(e => e.VpcEndpointType == "Gateway" && e.ServiceName == EndpointServiceName("s3") && e.RouteTableIds.Contains(table.RouteTableId));
}
