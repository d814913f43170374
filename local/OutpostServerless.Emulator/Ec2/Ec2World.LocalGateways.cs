using Amazon.EC2.Model;

namespace OutpostServerless.Emulator.Ec2;

/// <summary>
/// An Outpost rack's local gateway, its route table and customer-owned IP pool (installed with the
/// rack, read-only here), and the VPC associations the account makes so that VPC route tables may
/// route to the local gateway (AWS Outposts user guide, "Local gateway" and "Customer-owned IP addresses").
/// </summary>
internal sealed partial class Ec2World
{
    public const string InvalidLocalGatewayIdNotFound = "InvalidLocalGatewayID.NotFound";

    private readonly Ec2Filters<LocalGatewayVpcAssociationRecord> _localGatewayAssociationFilters = new(
        new Dictionary<string, Func<LocalGatewayVpcAssociationRecord, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["local-gateway-route-table-vpc-association-id"] = a => [a.AssociationId],
            ["local-gateway-route-table-id"] = a => [a.LocalGatewayRouteTableId],
            ["local-gateway-id"] = a => [a.LocalGatewayId],
            ["vpc-id"] = a => [a.VpcId],
            ["state"] = _ => ["associated"],
        },
        a => a.Tags);

    private static readonly Dictionary<string, string> NoTags = [];

    private IEnumerable<(OutpostOption Outpost, LocalGatewayOption Gateway)> LocalGateways =>
        region.Options.Outposts.Where(o => o.LocalGateway is not null).Select(o => (o, o.LocalGateway!));

    public LocalGatewayOption? FindLocalGateway(string? localGatewayId) =>
        LocalGateways.Select(g => g.Gateway).FirstOrDefault(g => g.LocalGatewayId == localGatewayId);

    public DescribeLocalGatewaysResponse DescribeLocalGateways(DescribeLocalGatewaysRequest request)
    {
        var filters = new Ec2Filters<(OutpostOption Outpost, LocalGatewayOption Gateway)>(
            new Dictionary<string, Func<(OutpostOption Outpost, LocalGatewayOption Gateway), IEnumerable<string?>>>(StringComparer.Ordinal)
            {
                ["local-gateway-id"] = g => [g.Gateway.LocalGatewayId],
                ["outpost-arn"] = g => [OutpostArn(g.Outpost)],
                ["owner-id"] = _ => [region.Options.AccountId],
                ["state"] = _ => ["available"],
            },
            _ => NoTags).Compile(request.Filters);
        var ids = request.LocalGatewayIds ?? [];
        var gateways = LocalGateways.Where(g => (ids.Count == 0 || ids.Contains(g.Gateway.LocalGatewayId)) && filters(g)).ToList();
        return new DescribeLocalGatewaysResponse
        {
            LocalGateways = NullIfEmpty(gateways.ConvertAll(g => new LocalGateway
            {
                LocalGatewayId = g.Gateway.LocalGatewayId,
                OutpostArn = OutpostArn(g.Outpost),
                OwnerId = region.Options.AccountId,
                State = "available",
            })),
        };
    }

    public DescribeLocalGatewayRouteTablesResponse DescribeLocalGatewayRouteTables(DescribeLocalGatewayRouteTablesRequest request)
    {
        var filters = new Ec2Filters<(OutpostOption Outpost, LocalGatewayOption Gateway)>(
            new Dictionary<string, Func<(OutpostOption Outpost, LocalGatewayOption Gateway), IEnumerable<string?>>>(StringComparer.Ordinal)
            {
                ["local-gateway-route-table-id"] = g => [g.Gateway.RouteTableId],
                ["local-gateway-id"] = g => [g.Gateway.LocalGatewayId],
                ["outpost-arn"] = g => [OutpostArn(g.Outpost)],
                ["owner-id"] = _ => [region.Options.AccountId],
                ["state"] = _ => ["available"],
            },
            _ => NoTags).Compile(request.Filters);
        var ids = request.LocalGatewayRouteTableIds ?? [];
        var tables = LocalGateways.Where(g => (ids.Count == 0 || ids.Contains(g.Gateway.RouteTableId)) && filters(g)).ToList();
        return new DescribeLocalGatewayRouteTablesResponse
        {
            LocalGatewayRouteTables = NullIfEmpty(tables.ConvertAll(g => new LocalGatewayRouteTable
            {
                LocalGatewayRouteTableId = g.Gateway.RouteTableId,
                LocalGatewayRouteTableArn = region.Arn("ec2", $"local-gateway-route-table/{g.Gateway.RouteTableId}"),
                LocalGatewayId = g.Gateway.LocalGatewayId,
                OutpostArn = OutpostArn(g.Outpost),
                OwnerId = region.Options.AccountId,
                State = "available",
                Mode = Amazon.EC2.LocalGatewayRouteTableMode.FindValue("coip"),
            })),
        };
    }

    public DescribeCoipPoolsResponse DescribeCoipPools(DescribeCoipPoolsRequest request)
    {
        var filters = new Ec2Filters<(OutpostOption Outpost, LocalGatewayOption Gateway)>(
            new Dictionary<string, Func<(OutpostOption Outpost, LocalGatewayOption Gateway), IEnumerable<string?>>>(StringComparer.Ordinal)
            {
                ["coip-pool.pool-id"] = g => [g.Gateway.CoipPoolId],
                ["coip-pool.local-gateway-route-table-id"] = g => [g.Gateway.RouteTableId],
            },
            _ => NoTags).Compile(request.Filters);
        var ids = request.PoolIds ?? [];
        var pools = LocalGateways.Where(g => (ids.Count == 0 || ids.Contains(g.Gateway.CoipPoolId)) && filters(g)).ToList();
        return new DescribeCoipPoolsResponse
        {
            CoipPools = NullIfEmpty(pools.ConvertAll(g => new CoipPool
            {
                PoolId = g.Gateway.CoipPoolId,
                PoolArn = region.Arn("ec2", $"coip-pool/{g.Gateway.CoipPoolId}"),
                PoolCidrs = [g.Gateway.CoipPoolCidr],
                LocalGatewayRouteTableId = g.Gateway.RouteTableId,
            })),
        };
    }

    public CreateLocalGatewayRouteTableVpcAssociationResponse CreateLocalGatewayRouteTableVpcAssociation(CreateLocalGatewayRouteTableVpcAssociationRequest request)
    {
        if (string.IsNullOrEmpty(request.LocalGatewayRouteTableId))
        {
            throw Ec2Errors.Missing("LocalGatewayRouteTableId");
        }

        if (string.IsNullOrEmpty(request.VpcId))
        {
            throw Ec2Errors.Missing("VpcId");
        }

        var gateway = LocalGateways.Select(g => g.Gateway).FirstOrDefault(g => g.RouteTableId == request.LocalGatewayRouteTableId)
            ?? throw Ec2Errors.Error("InvalidLocalGatewayRouteTableID.NotFound", $"The localGatewayRouteTable ID '{request.LocalGatewayRouteTableId}' does not exist.");
        var vpc = State.Vpcs.Find(v => v.VpcId == request.VpcId) ?? throw Ec2Errors.VpcNotFound(request.VpcId);
        if (State.LocalGatewayVpcAssociations.Exists(a => a.LocalGatewayRouteTableId == gateway.RouteTableId && a.VpcId == vpc.VpcId))
        {
            throw Ec2Errors.Error("Resource.AlreadyAssociated", $"The VPC {vpc.VpcId} is already associated with local gateway route table {gateway.RouteTableId}.");
        }

        var association = new LocalGatewayVpcAssociationRecord
        {
            AssociationId = "lgw-vpc-assoc-" + region.Ids.Hex("lgw-vpc-assoc", 17),
            LocalGatewayRouteTableId = gateway.RouteTableId,
            LocalGatewayId = gateway.LocalGatewayId,
            VpcId = vpc.VpcId,
            Tags = Ec2Tags.From(request.TagSpecifications, "local-gateway-route-table-vpc-association"),
        };
        State.LocalGatewayVpcAssociations.Add(association);
        return new CreateLocalGatewayRouteTableVpcAssociationResponse { LocalGatewayRouteTableVpcAssociation = ToSdk(association, "associated") };
    }

    public DescribeLocalGatewayRouteTableVpcAssociationsResponse DescribeLocalGatewayRouteTableVpcAssociations(DescribeLocalGatewayRouteTableVpcAssociationsRequest request)
    {
        var matches = _localGatewayAssociationFilters.Compile(request.Filters);
        var ids = request.LocalGatewayRouteTableVpcAssociationIds ?? [];
        var associations = State.LocalGatewayVpcAssociations.Where(a => (ids.Count == 0 || ids.Contains(a.AssociationId)) && matches(a)).ToList();
        var (page, next) = Ec2Paging.Page(associations, request.MaxResults, request.NextToken);
        return new DescribeLocalGatewayRouteTableVpcAssociationsResponse
        {
            LocalGatewayRouteTableVpcAssociations = NullIfEmpty(page.ConvertAll(a => ToSdk(a, "associated"))),
            NextToken = next,
        };
    }

    public DeleteLocalGatewayRouteTableVpcAssociationResponse DeleteLocalGatewayRouteTableVpcAssociation(DeleteLocalGatewayRouteTableVpcAssociationRequest request)
    {
        if (string.IsNullOrEmpty(request.LocalGatewayRouteTableVpcAssociationId))
        {
            throw Ec2Errors.Missing("LocalGatewayRouteTableVpcAssociationId");
        }

        var association = State.LocalGatewayVpcAssociations.Find(a => a.AssociationId == request.LocalGatewayRouteTableVpcAssociationId)
            ?? throw Ec2Errors.Error("InvalidLocalGatewayRouteTableVpcAssociationID.NotFound", $"The localGatewayRouteTableVpcAssociation ID '{request.LocalGatewayRouteTableVpcAssociationId}' does not exist.");
        State.LocalGatewayVpcAssociations.Remove(association);
        return new DeleteLocalGatewayRouteTableVpcAssociationResponse { LocalGatewayRouteTableVpcAssociation = ToSdk(association, "disassociated") };
    }

    private string OutpostArn(OutpostOption outpost) => region.Arn("outposts", $"outpost/{outpost.OutpostId}");

    private LocalGatewayRouteTableVpcAssociation ToSdk(LocalGatewayVpcAssociationRecord association, string state) => new()
    {
        LocalGatewayRouteTableVpcAssociationId = association.AssociationId,
        LocalGatewayRouteTableId = association.LocalGatewayRouteTableId,
        LocalGatewayRouteTableArn = region.Arn("ec2", $"local-gateway-route-table/{association.LocalGatewayRouteTableId}"),
        LocalGatewayId = association.LocalGatewayId,
        VpcId = association.VpcId,
        OwnerId = region.Options.AccountId,
        State = state,
        Tags = Ec2Tags.ToSdk(association.Tags),
    };
}
