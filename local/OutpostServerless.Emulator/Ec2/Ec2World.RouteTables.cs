using Amazon.EC2;
using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;

namespace OutpostServerless.Emulator.Ec2;

/// <summary>
/// Route tables as the VPC user guide describes them: each VPC has a main table with the <c>local</c>
/// route; a subnet uses its explicitly associated table, else the main one; a route has one target
/// and is <c>blackhole</c> while that target cannot carry traffic (a detached gateway, a NAT gateway
/// gone, a local gateway whose route table is not associated with the VPC).
/// </summary>
internal sealed partial class Ec2World
{
    public const string LocalTarget = "local";

    private readonly Ec2Filters<RouteTableRecord> _routeTableFilters = new(
        new Dictionary<string, Func<RouteTableRecord, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["route-table-id"] = t => [t.RouteTableId],
            ["vpc-id"] = t => [t.VpcId],
            ["owner-id"] = _ => [region.Options.AccountId],
            ["association.main"] = t => [t.Main ? "true" : "false"],
            ["association.subnet-id"] = t => t.Associations.Select(a => (string?)a.SubnetId),
            ["association.route-table-association-id"] = t => t.Associations.Select(a => (string?)a.AssociationId).Append(t.MainAssociationId),
            ["association.route-table-id"] = t => [t.RouteTableId],
            ["route.destination-cidr-block"] = t => t.Routes.Select(r => (string?)r.DestinationCidrBlock),
            ["route.gateway-id"] = t => t.Routes.Select(r => r.GatewayId),
            ["route.nat-gateway-id"] = t => t.Routes.Select(r => r.NatGatewayId),
            ["route.transit-gateway-id"] = t => t.Routes.Select(r => r.TransitGatewayId),
            ["route.local-gateway-id"] = t => t.Routes.Select(r => r.LocalGatewayId),
            ["route.origin"] = t => t.Routes.Select(r => (string?)r.Origin),
            ["route.state"] = t => t.Routes.Select(r => (string?)region.Ec2.RouteState(t, r)),
        },
        t => t.Tags);

    /// <summary>The table a subnet's traffic follows: its explicit association, else its VPC's main table.</summary>
    public RouteTableRecord? EffectiveRouteTable(SubnetRecord subnet) =>
        State.RouteTables.Find(t => t.Associations.Exists(a => a.SubnetId == subnet.SubnetId))
        ?? State.RouteTables.Find(t => t.VpcId == subnet.VpcId && t.Main);

    public CreateRouteTableResponse CreateRouteTable(CreateRouteTableRequest request)
    {
        if (string.IsNullOrEmpty(request.VpcId))
        {
            throw Ec2Errors.Missing("vpcId");
        }

        var vpc = State.Vpcs.Find(v => v.VpcId == request.VpcId) ?? throw Ec2Errors.VpcNotFound(request.VpcId);
        var table = NewRouteTable(vpc, main: false, Ec2Tags.From(request.TagSpecifications, "route-table"));
        return new CreateRouteTableResponse { RouteTable = ToSdk(table) };
    }

    public DescribeRouteTablesResponse DescribeRouteTables(DescribeRouteTablesRequest request)
    {
        var matches = _routeTableFilters.Compile(request.Filters);
        var ids = request.RouteTableIds ?? [];
        foreach (var id in ids.Where(id => !State.RouteTables.Exists(t => t.RouteTableId == id)))
        {
            throw RouteTableNotFound(id);
        }

        var tables = State.RouteTables.Where(t => (ids.Count == 0 || ids.Contains(t.RouteTableId)) && matches(t)).ToList();
        var (page, next) = Ec2Paging.Page(tables, request.MaxResults, request.NextToken);
        return new DescribeRouteTablesResponse { RouteTables = NullIfEmpty(page.ConvertAll(ToSdk)), NextToken = next };
    }

    public DeleteRouteTableResponse DeleteRouteTable(DeleteRouteTableRequest request)
    {
        if (string.IsNullOrEmpty(request.RouteTableId))
        {
            throw Ec2Errors.Missing("routeTableId");
        }

        var table = State.RouteTables.Find(t => t.RouteTableId == request.RouteTableId) ?? throw RouteTableNotFound(request.RouteTableId);
        if (table.Main || table.Associations.Count > 0)
        {
            throw Ec2Errors.Error(Ec2ErrorCodes.DependencyViolation, $"The routeTable '{table.RouteTableId}' has dependencies and cannot be deleted.");
        }

        State.RouteTables.Remove(table);
        State.VpcEndpoints.ForEach(e => e.RouteTableIds.Remove(table.RouteTableId));
        return new DeleteRouteTableResponse();
    }

    public CreateRouteResponse CreateRoute(CreateRouteRequest request)
    {
        if (string.IsNullOrEmpty(request.RouteTableId))
        {
            throw Ec2Errors.Missing("routeTableId");
        }

        var table = State.RouteTables.Find(t => t.RouteTableId == request.RouteTableId) ?? throw RouteTableNotFound(request.RouteTableId);
        var destination = Cidr.Parse(request.DestinationCidrBlock) ?? throw Ec2Errors.InvalidCidr("destinationCidrBlock", request.DestinationCidrBlock);
        var targets = new[] { request.GatewayId, request.NatGatewayId, request.TransitGatewayId, request.LocalGatewayId, request.VpcEndpointId }
            .Count(t => !string.IsNullOrEmpty(t));
        if (targets != 1)
        {
            throw Ec2Errors.Error(Ec2Errors.InvalidParameterCombination, "The request must contain exactly one of gatewayId, natGatewayId, transitGatewayId, localGatewayId or vpcEndpointId.");
        }

        if (table.Routes.Exists(r => r.DestinationCidrBlock == destination.ToString()))
        {
            throw Ec2Errors.Error("RouteAlreadyExists", $"The route identified by {destination} already exists.");
        }

        var route = new RouteRecord { DestinationCidrBlock = destination.ToString() };
        if (!string.IsNullOrEmpty(request.GatewayId))
        {
            var gateway = State.InternetGateways.Find(g => g.InternetGatewayId == request.GatewayId)
                ?? throw Ec2Errors.Error(InvalidInternetGatewayIdNotFound, $"The gateway ID '{request.GatewayId}' does not exist");
            if (gateway.AttachedVpcId != table.VpcId)
            {
                throw Ec2Errors.InvalidValue($"route table {table.RouteTableId} and network gateway {gateway.InternetGatewayId} belong to different networks");
            }

            route.GatewayId = gateway.InternetGatewayId;
        }
        else if (!string.IsNullOrEmpty(request.NatGatewayId))
        {
            route.NatGatewayId = State.NatGateways.Find(n => n.NatGatewayId == request.NatGatewayId)?.NatGatewayId
                ?? throw Ec2Errors.Error("InvalidNatGatewayID.NotFound", $"The natGateway ID '{request.NatGatewayId}' does not exist");
        }
        else if (!string.IsNullOrEmpty(request.TransitGatewayId))
        {
            route.TransitGatewayId = State.TransitGateways.Find(g => g.TransitGatewayId == request.TransitGatewayId)?.TransitGatewayId
                ?? throw Ec2Errors.Error("InvalidTransitGatewayID.NotFound", $"The transitGateway ID '{request.TransitGatewayId}' does not exist.");
        }
        else if (!string.IsNullOrEmpty(request.LocalGatewayId))
        {
            var gateway = FindLocalGateway(request.LocalGatewayId)
                ?? throw Ec2Errors.Error(InvalidLocalGatewayIdNotFound, $"The localGateway ID '{request.LocalGatewayId}' does not exist.");
            // The Outposts user guide: associate the VPC with the local gateway route table before routing to it.
            if (!State.LocalGatewayVpcAssociations.Exists(a => a.LocalGatewayId == gateway.LocalGatewayId && a.VpcId == table.VpcId))
            {
                throw Ec2Errors.InvalidValue($"The VPC {table.VpcId} of route table {table.RouteTableId} is not associated with a route table of local gateway {gateway.LocalGatewayId}.");
            }

            route.LocalGatewayId = gateway.LocalGatewayId;
        }
        else
        {
            var endpoint = State.VpcEndpoints.Find(e => e.VpcEndpointId == request.VpcEndpointId)
                ?? throw Ec2Errors.Error("InvalidVpcEndpointId.NotFound", $"The Vpc Endpoint Id '{request.VpcEndpointId}' does not exist");
            route.GatewayId = endpoint.VpcEndpointId;
        }

        table.Routes.Add(route);
        return new CreateRouteResponse { Return = true };
    }

    public AssociateRouteTableResponse AssociateRouteTable(AssociateRouteTableRequest request)
    {
        if (string.IsNullOrEmpty(request.RouteTableId))
        {
            throw Ec2Errors.Missing("routeTableId");
        }

        if (string.IsNullOrEmpty(request.SubnetId))
        {
            throw Ec2Errors.Missing("subnetId");
        }

        var table = State.RouteTables.Find(t => t.RouteTableId == request.RouteTableId) ?? throw RouteTableNotFound(request.RouteTableId);
        var subnet = FindSubnet(request.SubnetId) ?? throw Ec2Errors.SubnetNotFound(request.SubnetId);
        if (subnet.VpcId != table.VpcId)
        {
            throw Ec2Errors.InvalidValue($"Route table {table.RouteTableId} and subnet {subnet.SubnetId} belong to different networks");
        }

        if (State.RouteTables.SelectMany(t => t.Associations).FirstOrDefault(a => a.SubnetId == subnet.SubnetId) is { } existing)
        {
            throw Ec2Errors.Error("Resource.AlreadyAssociated", $"the specified association for route table {table.RouteTableId} conflicts with an existing association");
        }

        var association = new RouteTableAssociationRecord { AssociationId = "rtbassoc-" + region.Ids.Hex("rtbassoc", 17), SubnetId = subnet.SubnetId };
        table.Associations.Add(association);
        return new AssociateRouteTableResponse
        {
            AssociationId = association.AssociationId,
            AssociationState = new RouteTableAssociationState { State = RouteTableAssociationStateCode.Associated },
        };
    }

    public DisassociateRouteTableResponse DisassociateRouteTable(DisassociateRouteTableRequest request)
    {
        if (string.IsNullOrEmpty(request.AssociationId))
        {
            throw Ec2Errors.Missing("associationId");
        }

        var table = State.RouteTables.Find(t => t.Associations.Exists(a => a.AssociationId == request.AssociationId));
        if (table is null)
        {
            throw Ec2Errors.Error("InvalidAssociationID.NotFound", $"The association ID '{request.AssociationId}' does not exist");
        }

        table.Associations.RemoveAll(a => a.AssociationId == request.AssociationId);
        return new DisassociateRouteTableResponse();
    }

    private RouteTableRecord NewRouteTable(VpcRecord vpc, bool main, Dictionary<string, string> tags)
    {
        var table = new RouteTableRecord
        {
            RouteTableId = "rtb-" + region.Ids.Hex("rtb", 17),
            VpcId = vpc.VpcId,
            Main = main,
            MainAssociationId = main ? "rtbassoc-" + region.Ids.Hex("rtbassoc", 17) : null,
            Routes = [new RouteRecord { DestinationCidrBlock = vpc.CidrBlock, GatewayId = LocalTarget, Origin = "CreateRouteTable" }],
            Tags = tags,
        };
        State.RouteTables.Add(table);
        return table;
    }

    /// <summary>active while the target can carry the VPC's traffic, blackhole otherwise.</summary>
    private string RouteState(RouteTableRecord table, RouteRecord route)
    {
        bool usable = route switch
        {
            { GatewayId: LocalTarget } => true,
            { GatewayId: { } id } when id.StartsWith("igw-", StringComparison.Ordinal) =>
                State.InternetGateways.Exists(g => g.InternetGatewayId == id && g.AttachedVpcId == table.VpcId),
            { GatewayId: { } id } => State.VpcEndpoints.Exists(e => e.VpcEndpointId == id),
            { NatGatewayId: { } id } => State.NatGateways.Exists(n => n.NatGatewayId == id),
            { TransitGatewayId: { } id } => State.TransitGateways.Exists(g => g.TransitGatewayId == id && g.AttachedVpcIds.Contains(table.VpcId)),
            { LocalGatewayId: { } id } => State.LocalGatewayVpcAssociations.Exists(a => a.LocalGatewayId == id && a.VpcId == table.VpcId),
            _ => false,
        };
        return usable ? "active" : "blackhole";
    }

    private static AmazonEC2Exception RouteTableNotFound(string id) =>
        Ec2Errors.Error("InvalidRouteTableID.NotFound", $"The routeTable ID '{id}' does not exist");

    private RouteTable ToSdk(RouteTableRecord table)
    {
        var associations = table.Associations.ConvertAll(a => new RouteTableAssociation
        {
            RouteTableAssociationId = a.AssociationId,
            RouteTableId = table.RouteTableId,
            SubnetId = a.SubnetId,
            Main = false,
            AssociationState = new RouteTableAssociationState { State = RouteTableAssociationStateCode.Associated },
        });
        if (table.MainAssociationId is { } mainAssociation)
        {
            associations.Insert(0, new RouteTableAssociation
            {
                RouteTableAssociationId = mainAssociation,
                RouteTableId = table.RouteTableId,
                Main = true,
                AssociationState = new RouteTableAssociationState { State = RouteTableAssociationStateCode.Associated },
            });
        }

        return new RouteTable
        {
            RouteTableId = table.RouteTableId,
            VpcId = table.VpcId,
            OwnerId = region.Options.AccountId,
            Associations = NullIfEmpty(associations),
            Routes = table.Routes.ConvertAll(r => new Route
            {
                DestinationCidrBlock = r.DestinationCidrBlock,
                GatewayId = r.GatewayId,
                NatGatewayId = r.NatGatewayId,
                TransitGatewayId = r.TransitGatewayId,
                LocalGatewayId = r.LocalGatewayId,
                Origin = RouteOrigin.FindValue(r.Origin),
                State = Amazon.EC2.RouteState.FindValue(RouteState(table, r)),
            }),
            Tags = Ec2Tags.ToSdk(table.Tags),
        };
    }
}
