using System.Text.RegularExpressions;
using Amazon.EC2.Model;
using OutpostServerless.Aws;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// <c>network.egress.mode: existing</c>: the VPC's routing is not changed, only checked. The subnet
/// follows its associated route table, else the VPC's main one (VPC user guide, "Route tables"); it
/// needs an active <c>0.0.0.0/0</c> route to an internet gateway (instances then get public IPs), a NAT
/// gateway, a transit gateway, or the local gateway (with a customer-owned IP pool); or else the
/// interface endpoints ECS needs (ecs, ecs-agent, ecs-telemetry; Amazon ECS developer guide, "Interface
/// VPC endpoints") and, for the images, ECR's (ecr.api, ecr.dkr and the S3 gateway endpoint) with
/// every image in ECR.
/// </summary>
internal sealed partial class ExistingEgressCheck(AwsPorts aws, ProvisioningPlan plan, string vpcId, string subnetId, EgressRouting routing)
{
    private static readonly string[] EcsEndpoints = ["ecs", "ecs-agent", "ecs-telemetry"];
    private static readonly string[] EcrEndpoints = ["ecr.api", "ecr.dkr"];

    public async Task<EgressResource> RunAsync(CancellationToken cancellationToken)
    {
        var table = await EffectiveRouteTableAsync(cancellationToken);
        var route = (table.Routes ?? []).Find(r => r.DestinationCidrBlock == EgressRouting.DefaultRoute && r.State?.Value == "active");
        switch (route)
        {
            case { GatewayId: { } igw } when igw.StartsWith("igw-", StringComparison.Ordinal):
                await routing.MapPublicIpOnLaunchAsync(cancellationToken);
                return Found($"{EgressRouting.DefaultRoute} → {igw} in {table.RouteTableId}, public IPv4 on launch", table, igw);
            case { NatGatewayId: { } nat }:
                return Found($"{EgressRouting.DefaultRoute} → {nat} in {table.RouteTableId}", table);
            case { TransitGatewayId: { } tgw }:
                return Found($"{EgressRouting.DefaultRoute} → {tgw} in {table.RouteTableId}", table);
            case { LocalGatewayId: { } lgw }:
                var pool = plan.Network.Egress.CustomerOwnedIpv4Pool
                    ?? throw new EgressPathMissingException(subnetId, table.RouteTableId,
                        $"its default route goes to local gateway {lgw}, but the container instances would have no customer-owned IP address to use it",
                        "give network.egress.customerOwnedIpv4Pool (aws ec2 describe-coip-pools)");
                await routing.MapCustomerOwnedIpOnLaunchAsync(pool, cancellationToken);
                return Found($"{EgressRouting.DefaultRoute} → {lgw} in {table.RouteTableId}, customer-owned IPv4 from {pool}", table);
            default:
                return await ThroughEndpointsAsync(table, cancellationToken);
        }
    }

    private async Task<EgressResource> ThroughEndpointsAsync(RouteTable table, CancellationToken cancellationToken)
    {
        var endpoints = (await aws.Ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest
        {
            Filters = [new Filter("vpc-id", [vpcId]), new Filter("vpc-endpoint-state", ["available"])],
        }, cancellationToken)).VpcEndpoints ?? [];
        bool Interface(string service) => endpoints.Exists(e => e.VpcEndpointType?.Value == "Interface" && e.ServiceName == ServiceName(service));
        var s3 = endpoints.Exists(e => e.VpcEndpointType?.Value == "Gateway" && e.ServiceName == ServiceName("s3") && (e.RouteTableIds ?? []).Contains(table.RouteTableId));

        var missing = EcsEndpoints.Concat(EcrEndpoints).Where(s => !Interface(s)).Select(ServiceName).ToList();
        if (!s3)
        {
            missing.Add($"{ServiceName("s3")} (Gateway, on {table.RouteTableId})");
        }

        var outsideEcr = Images().Where(i => !EcrImage().IsMatch(i)).ToList();
        if (missing.Count == 0 && outsideEcr.Count == 0)
        {
            return Found($"VPC endpoints for ECS and ECR in {vpcId} (no default route in {table.RouteTableId})", table);
        }

        var reason = $"it has no active {EgressRouting.DefaultRoute} route to an internet gateway, NAT gateway, transit gateway or local gateway"
            + (missing.Count > 0 ? $", and VPC {vpcId} lacks the endpoints {string.Join(", ", missing)}" : string.Empty)
            + (outsideEcr.Count > 0 ? $", and the images {string.Join(", ", outsideEcr)} are outside ECR, which endpoints cannot reach" : string.Empty)
            + ": the ECS agent could not register and images could not be pulled";
        throw new EgressPathMissingException(subnetId, table.RouteTableId, reason,
            $"add a {EgressRouting.DefaultRoute} route to {table.RouteTableId} (an internet gateway, NAT gateway, transit gateway or the local gateway), "
            + "or create the missing endpoints, or set network.egress.mode to internet-gateway or local-gateway");
    }

    private async Task<RouteTable> EffectiveRouteTableAsync(CancellationToken cancellationToken)
    {
        var associated = (await aws.Ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("association.subnet-id", [subnetId])],
        }, cancellationToken)).RouteTables?.FirstOrDefault();
        return associated ?? (await aws.Ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("vpc-id", [vpcId]), new Filter("association.main", ["true"])],
        }, cancellationToken)).RouteTables?.FirstOrDefault()
            ?? throw new ResourceNotFoundException("network.vpcId", $"the main route table of {vpcId}");
    }

    private EgressResource Found(string path, RouteTable table, string? internetGatewayId = null) =>
        new(EgressMode.Existing, path, table.RouteTableId, InternetGatewayId: internetGatewayId);

    private string ServiceName(string service) => $"com.amazonaws.{plan.Region}.{service}";

    private IEnumerable<string> Images() =>
        (plan.Workload.TaskDefinition["containerDefinitions"]?.AsArray() ?? [])
            .Select(c => c?["image"]?.GetValue<string>())
            .OfType<string>();

    [GeneratedRegex(@"^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/", RegexOptions.CultureInvariant)]
    private static partial Regex EcrImage();
}
