using Amazon.EC2;
using Amazon.EC2.Model;

namespace OutpostServerless.Emulator.Ec2;

/// <summary>
/// The other ways out of a VPC that a network team sets up: NAT gateways, transit gateway
/// attachments and VPC endpoints. The account makes them outside the workflow (they are seeded
/// through <see cref="EmulatedCloud"/>); the workflow only reads endpoints and routes.
/// </summary>
internal sealed partial class Ec2World
{
    private readonly Ec2Filters<VpcEndpointRecord> _vpcEndpointFilters = new(
        new Dictionary<string, Func<VpcEndpointRecord, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["vpc-endpoint-id"] = e => [e.VpcEndpointId],
            ["vpc-id"] = e => [e.VpcId],
            ["service-name"] = e => [e.ServiceName],
            ["vpc-endpoint-type"] = e => [e.VpcEndpointType],
            ["vpc-endpoint-state"] = _ => ["available"],
        },
        e => e.Tags);

    public string CreateNatGateway(string subnetId)
    {
        var subnet = FindSubnet(subnetId) ?? throw Ec2Errors.SubnetNotFound(subnetId);
        var gateway = new NatGatewayRecord { NatGatewayId = "nat-" + region.Ids.Hex("nat", 17), VpcId = subnet.VpcId, SubnetId = subnet.SubnetId };
        State.NatGateways.Add(gateway);
        return gateway.NatGatewayId;
    }

    public string CreateTransitGateway(IEnumerable<string> attachedVpcIds)
    {
        var gateway = new TransitGatewayRecord { TransitGatewayId = "tgw-" + region.Ids.Hex("tgw", 17), AttachedVpcIds = [.. attachedVpcIds] };
        State.TransitGateways.Add(gateway);
        return gateway.TransitGatewayId;
    }

    /// <summary>An endpoint for <c>com.amazonaws.&lt;region&gt;.&lt;service&gt;</c>: Gateway for s3 (on the given route tables), Interface otherwise.</summary>
    public string CreateVpcEndpoint(string vpcId, string service, IEnumerable<string>? routeTableIds = null)
    {
        var vpc = State.Vpcs.Find(v => v.VpcId == vpcId) ?? throw Ec2Errors.VpcNotFound(vpcId);
        var endpoint = new VpcEndpointRecord
        {
            VpcEndpointId = "vpce-" + region.Ids.Hex("vpce", 17),
            VpcId = vpc.VpcId,
            ServiceName = EndpointServiceName(service),
            VpcEndpointType = service == "s3" ? "Gateway" : "Interface",
            RouteTableIds = [.. routeTableIds ?? []],
            CreatedAt = region.Now,
        };
        State.VpcEndpoints.Add(endpoint);
        return endpoint.VpcEndpointId;
    }

    public DescribeVpcEndpointsResponse DescribeVpcEndpoints(DescribeVpcEndpointsRequest request)
    {
        var matches = _vpcEndpointFilters.Compile(request.Filters);
        var ids = request.VpcEndpointIds ?? [];
        foreach (var id in ids.Where(id => !State.VpcEndpoints.Exists(e => e.VpcEndpointId == id)))
        {
            throw Ec2Errors.Error("InvalidVpcEndpointId.NotFound", $"The Vpc Endpoint Id '{id}' does not exist");
        }

        var endpoints = State.VpcEndpoints.Where(e => (ids.Count == 0 || ids.Contains(e.VpcEndpointId)) && matches(e)).ToList();
        var (page, next) = Ec2Paging.Page(endpoints, request.MaxResults, request.NextToken);
        return new DescribeVpcEndpointsResponse
        {
            VpcEndpoints = NullIfEmpty(page.ConvertAll(e => new VpcEndpoint
            {
                VpcEndpointId = e.VpcEndpointId,
                VpcId = e.VpcId,
                ServiceName = e.ServiceName,
                VpcEndpointType = VpcEndpointType.FindValue(e.VpcEndpointType),
                State = Amazon.EC2.State.Available,
                RouteTableIds = NullIfEmpty(e.RouteTableIds),
                PrivateDnsEnabled = e.VpcEndpointType == "Interface",
                RequesterManaged = false,
                CreationTimestamp = e.CreatedAt.UtcDateTime,
                OwnerId = region.Options.AccountId,
                Tags = Ec2Tags.ToSdk(e.Tags),
            })),
            NextToken = next,
        };
    }

    private string EndpointServiceName(string service) => $"com.amazonaws.{region.Options.Region}.{service}";
}
