using System.Net;
using Amazon.EC2;
using Amazon.Runtime;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Emulator.Ec2;

/// <summary>
/// EC2 over ec2Query (<c>Action=…&amp;Version=2016-11-15</c>): parameters into AWSSDK.EC2 requests,
/// <see cref="IEc2"/> answers written back as EC2's XML.
/// </summary>
internal sealed class Ec2QueryFrontEnd(IEc2 ec2) : IWireFrontEnd
{
    public string SigningName => "ec2";

    public WireProtocol Protocol => WireProtocol.Ec2Query;

    public bool Accepts(WireRequest request)
    {
        var parameters = QueryParameters.From(request);
        return parameters.Action is not null && parameters.Version == Ec2QueryProtocol.ApiVersion;
    }

    public async Task<WireResponse> HandleAsync(WireRequest request, string requestId, CancellationToken cancellationToken)
    {
        var p = QueryParameters.From(request);
        var action = p.Action ?? throw Ec2RequestReader.Error("MissingAction", "The request must contain the parameter Action");
        if (p.Bool("DryRun", (name, value) => Ec2RequestReader.Error(Ec2ErrorCodes.InvalidParameterValue, $"Invalid value '{value}' for {name}.")) == true)
        {
            // A dry run checks permissions only; the emulated account may do everything.
            throw new AmazonEC2Exception("Request would have succeeded, but DryRun flag is set.", ErrorType.Sender, "DryRunOperation", string.Empty, HttpStatusCode.PreconditionFailed);
        }

        switch (action)
        {
            case "CreateVpc":
                var vpc = await ec2.CreateVpcAsync(Ec2RequestReader.CreateVpc(p), cancellationToken);
                return Respond(action, requestId, xml => Structure(xml, "vpc", () => Ec2ShapeWriter.Vpc(xml, vpc.Vpc)));
            case "DescribeVpcs":
                var vpcs = await ec2.DescribeVpcsAsync(Ec2RequestReader.DescribeVpcs(p), cancellationToken);
                return Respond(action, requestId, Page("vpcSet", vpcs.Vpcs, vpcs.NextToken, Ec2ShapeWriter.Vpc));
            case "DeleteVpc":
                await ec2.DeleteVpcAsync(Ec2RequestReader.DeleteVpc(p), cancellationToken);
                return Respond(action, requestId, xml => xml.Element("return", true));
            case "CreateSubnet":
                var subnet = await ec2.CreateSubnetAsync(Ec2RequestReader.CreateSubnet(p), cancellationToken);
                return Respond(action, requestId, xml => Structure(xml, "subnet", () => Ec2ShapeWriter.Subnet(xml, subnet.Subnet)));
            case "DescribeSubnets":
                var subnets = await ec2.DescribeSubnetsAsync(Ec2RequestReader.DescribeSubnets(p), cancellationToken);
                return Respond(action, requestId, Page("subnetSet", subnets.Subnets, subnets.NextToken, Ec2ShapeWriter.Subnet));
            case "DeleteSubnet":
                await ec2.DeleteSubnetAsync(Ec2RequestReader.DeleteSubnet(p), cancellationToken);
                return Respond(action, requestId, xml => xml.Element("return", true));
            case "CreateSecurityGroup":
                var created = await ec2.CreateSecurityGroupAsync(Ec2RequestReader.CreateSecurityGroup(p), cancellationToken);
                return Respond(action, requestId, xml =>
                {
                    xml.Element("return", true);
                    xml.Element("groupId", created.GroupId);
                    xml.Element("securityGroupArn", created.SecurityGroupArn);
                    Ec2ShapeWriter.Tags(xml, created.Tags);
                });
            case "DescribeSecurityGroups":
                var groups = await ec2.DescribeSecurityGroupsAsync(Ec2RequestReader.DescribeSecurityGroups(p), cancellationToken);
                return Respond(action, requestId, Page("securityGroupInfo", groups.SecurityGroups, groups.NextToken, Ec2ShapeWriter.SecurityGroup));
            case "AuthorizeSecurityGroupIngress":
                var authorized = await ec2.AuthorizeSecurityGroupIngressAsync(Ec2RequestReader.AuthorizeSecurityGroupIngress(p), cancellationToken);
                return Respond(action, requestId, xml =>
                {
                    xml.Element("return", authorized.Return ?? true);
                    xml.List("securityGroupRuleSet", "item", authorized.SecurityGroupRules, r => Ec2ShapeWriter.SecurityGroupRule(xml, r), always: true);
                });
            case "RevokeSecurityGroupIngress":
                var revoked = await ec2.RevokeSecurityGroupIngressAsync(Ec2RequestReader.RevokeSecurityGroupIngress(p), cancellationToken);
                return Respond(action, requestId, xml =>
                {
                    xml.Element("return", revoked.Return ?? true);
                    xml.List("unknownIpPermissionSet", "item", revoked.UnknownIpPermissions, perm => Ec2ShapeWriter.IpPermission(xml, perm));
                });
            case "DeleteSecurityGroup":
                var deleted = await ec2.DeleteSecurityGroupAsync(Ec2RequestReader.DeleteSecurityGroup(p), cancellationToken);
                return Respond(action, requestId, xml =>
                {
                    xml.Element("return", deleted.Return ?? true);
                    xml.Element("groupId", deleted.GroupId);
                });
            case "RunInstances":
                var launched = await ec2.RunInstancesAsync(Ec2RequestReader.RunInstances(p), cancellationToken);
                return Respond(action, requestId, xml => Ec2ShapeWriter.Reservation(xml, launched.Reservation));
            case "DescribeInstances":
                var instances = await ec2.DescribeInstancesAsync(Ec2RequestReader.DescribeInstances(p), cancellationToken);
                return Respond(action, requestId, Page("reservationSet", instances.Reservations, instances.NextToken, Ec2ShapeWriter.Reservation));
            case "TerminateInstances":
                var terminated = await ec2.TerminateInstancesAsync(Ec2RequestReader.TerminateInstances(p), cancellationToken);
                return Respond(action, requestId, xml =>
                    xml.List("instancesSet", "item", terminated.TerminatingInstances, c => Ec2ShapeWriter.InstanceStateChange(xml, c), always: true));
            case "ModifySubnetAttribute":
                await ec2.ModifySubnetAttributeAsync(Ec2RequestReader.ModifySubnetAttribute(p), cancellationToken);
                return Respond(action, requestId, xml => xml.Element("return", true));
            case "CreateRouteTable":
                var table = await ec2.CreateRouteTableAsync(Ec2RequestReader.CreateRouteTable(p), cancellationToken);
                return Respond(action, requestId, xml => Structure(xml, "routeTable", () => Ec2ShapeWriter.RouteTable(xml, table.RouteTable)));
            case "DescribeRouteTables":
                var tables = await ec2.DescribeRouteTablesAsync(Ec2RequestReader.DescribeRouteTables(p), cancellationToken);
                return Respond(action, requestId, Page("routeTableSet", tables.RouteTables, tables.NextToken, Ec2ShapeWriter.RouteTable));
            case "DeleteRouteTable":
                await ec2.DeleteRouteTableAsync(Ec2RequestReader.DeleteRouteTable(p), cancellationToken);
                return Respond(action, requestId, xml => xml.Element("return", true));
            case "CreateRoute":
                await ec2.CreateRouteAsync(Ec2RequestReader.CreateRoute(p), cancellationToken);
                return Respond(action, requestId, xml => xml.Element("return", true));
            case "AssociateRouteTable":
                var association = await ec2.AssociateRouteTableAsync(Ec2RequestReader.AssociateRouteTable(p), cancellationToken);
                return Respond(action, requestId, xml =>
                {
                    xml.Element("associationId", association.AssociationId);
                    Ec2ShapeWriter.AssociationState(xml, association.AssociationState);
                });
            case "DisassociateRouteTable":
                await ec2.DisassociateRouteTableAsync(Ec2RequestReader.DisassociateRouteTable(p), cancellationToken);
                return Respond(action, requestId, xml => xml.Element("return", true));
            case "CreateInternetGateway":
                var gateway = await ec2.CreateInternetGatewayAsync(Ec2RequestReader.CreateInternetGateway(p), cancellationToken);
                return Respond(action, requestId, xml => Structure(xml, "internetGateway", () => Ec2ShapeWriter.InternetGateway(xml, gateway.InternetGateway)));
            case "DescribeInternetGateways":
                var gateways = await ec2.DescribeInternetGatewaysAsync(Ec2RequestReader.DescribeInternetGateways(p), cancellationToken);
                return Respond(action, requestId, Page("internetGatewaySet", gateways.InternetGateways, gateways.NextToken, Ec2ShapeWriter.InternetGateway));
            case "AttachInternetGateway":
                await ec2.AttachInternetGatewayAsync(Ec2RequestReader.AttachInternetGateway(p), cancellationToken);
                return Respond(action, requestId, xml => xml.Element("return", true));
            case "DetachInternetGateway":
                await ec2.DetachInternetGatewayAsync(Ec2RequestReader.DetachInternetGateway(p), cancellationToken);
                return Respond(action, requestId, xml => xml.Element("return", true));
            case "DeleteInternetGateway":
                await ec2.DeleteInternetGatewayAsync(Ec2RequestReader.DeleteInternetGateway(p), cancellationToken);
                return Respond(action, requestId, xml => xml.Element("return", true));
            case "DescribeLocalGateways":
                var localGateways = await ec2.DescribeLocalGatewaysAsync(Ec2RequestReader.DescribeLocalGateways(p), cancellationToken);
                return Respond(action, requestId, Page("localGatewaySet", localGateways.LocalGateways, localGateways.NextToken, Ec2ShapeWriter.LocalGateway));
            case "DescribeLocalGatewayRouteTables":
                var lgwTables = await ec2.DescribeLocalGatewayRouteTablesAsync(Ec2RequestReader.DescribeLocalGatewayRouteTables(p), cancellationToken);
                return Respond(action, requestId, Page("localGatewayRouteTableSet", lgwTables.LocalGatewayRouteTables, lgwTables.NextToken, Ec2ShapeWriter.LocalGatewayRouteTable));
            case "CreateLocalGatewayRouteTableVpcAssociation":
                var lgwAssociation = await ec2.CreateLocalGatewayRouteTableVpcAssociationAsync(Ec2RequestReader.CreateLocalGatewayRouteTableVpcAssociation(p), cancellationToken);
                return Respond(action, requestId, xml => Structure(xml, "localGatewayRouteTableVpcAssociation",
                    () => Ec2ShapeWriter.LocalGatewayRouteTableVpcAssociation(xml, lgwAssociation.LocalGatewayRouteTableVpcAssociation)));
            case "DescribeLocalGatewayRouteTableVpcAssociations":
                var lgwAssociations = await ec2.DescribeLocalGatewayRouteTableVpcAssociationsAsync(Ec2RequestReader.DescribeLocalGatewayRouteTableVpcAssociations(p), cancellationToken);
                return Respond(action, requestId, Page("localGatewayRouteTableVpcAssociationSet", lgwAssociations.LocalGatewayRouteTableVpcAssociations,
                    lgwAssociations.NextToken, Ec2ShapeWriter.LocalGatewayRouteTableVpcAssociation));
            case "DeleteLocalGatewayRouteTableVpcAssociation":
                var lgwDisassociated = await ec2.DeleteLocalGatewayRouteTableVpcAssociationAsync(Ec2RequestReader.DeleteLocalGatewayRouteTableVpcAssociation(p), cancellationToken);
                return Respond(action, requestId, xml => Structure(xml, "localGatewayRouteTableVpcAssociation",
                    () => Ec2ShapeWriter.LocalGatewayRouteTableVpcAssociation(xml, lgwDisassociated.LocalGatewayRouteTableVpcAssociation)));
            case "DescribeCoipPools":
                var pools = await ec2.DescribeCoipPoolsAsync(Ec2RequestReader.DescribeCoipPools(p), cancellationToken);
                return Respond(action, requestId, Page("coipPoolSet", pools.CoipPools, pools.NextToken, Ec2ShapeWriter.CoipPool));
            case "DescribeVpcEndpoints":
                var endpoints = await ec2.DescribeVpcEndpointsAsync(Ec2RequestReader.DescribeVpcEndpoints(p), cancellationToken);
                return Respond(action, requestId, Page("vpcEndpointSet", endpoints.VpcEndpoints, endpoints.NextToken, Ec2ShapeWriter.VpcEndpoint));
            case "DescribeAvailabilityZones":
                var zones = await ec2.DescribeAvailabilityZonesAsync(Ec2RequestReader.DescribeAvailabilityZones(p), cancellationToken);
                return Respond(action, requestId, xml => xml.List("availabilityZoneInfo", "item", zones.AvailabilityZones, z => Ec2ShapeWriter.AvailabilityZone(xml, z), always: true));
            default:
                throw Ec2RequestReader.Error("InvalidAction", $"The action {action} is not valid for this web service.");
        }
    }

    public WireResponse Error(AmazonServiceException error, string requestId) => Ec2QueryProtocol.Error(error, requestId);

    private static WireResponse Respond(string action, string requestId, Action<XmlResponseWriter> writeMembers) =>
        Ec2QueryProtocol.Response(action, requestId, writeMembers);

    /// <summary>A Describe call's page: its item set (present even when empty), then the token for the next page.</summary>
    private static Action<XmlResponseWriter> Page<T>(string setName, IEnumerable<T> items, string? nextToken, Action<XmlResponseWriter, T> writeItem) => xml =>
    {
        xml.List(setName, "item", items, item => writeItem(xml, item), always: true);
        xml.Element("nextToken", nextToken);
    };

    private static void Structure(XmlResponseWriter xml, string name, Action writeMembers)
    {
        xml.Start(name);
        writeMembers();
        xml.End();
    }
}
