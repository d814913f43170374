using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Emulator.Ec2;

/// <summary>
/// ec2Query parameters into AWSSDK.EC2 request objects. Wire names follow EC2's rule (a member's
/// <c>queryName</c>, else its <c>locationName</c> capitalised, else its name) and every list is
/// flattened with 1-based indexes: <c>Filter.1.Name</c>, <c>Filter.1.Value.1</c>, <c>TagSpecification.1.Tag.1.Key</c>.
/// </summary>
internal static class Ec2RequestReader
{
    private static readonly string[] IngressShorthand = ["IpProtocol", "FromPort", "ToPort", "CidrIp", "SourceSecurityGroupName", "SourceSecurityGroupOwnerId"];

    public static CreateVpcRequest CreateVpc(QueryParameters p) => new()
    {
        CidrBlock = p.String("CidrBlock"),
        InstanceTenancy = Constant(p.String("InstanceTenancy"), Tenancy.FindValue),
        AmazonProvidedIpv6CidrBlock = p.Bool("AmazonProvidedIpv6CidrBlock", Invalid),
        TagSpecifications = TagSpecifications(p),
    };

    public static DescribeVpcsRequest DescribeVpcs(QueryParameters p) => new()
    {
        VpcIds = p.Strings("VpcId"),
        Filters = Filters(p),
        NextToken = p.String("NextToken"),
        MaxResults = p.Int("MaxResults", Invalid),
    };

    public static DeleteVpcRequest DeleteVpc(QueryParameters p) => new() { VpcId = p.String("VpcId") };

    public static CreateSubnetRequest CreateSubnet(QueryParameters p) => new()
    {
        VpcId = p.String("VpcId"),
        CidrBlock = p.String("CidrBlock"),
        Ipv6CidrBlock = p.String("Ipv6CidrBlock"),
        Ipv6Native = p.Bool("Ipv6Native", Invalid),
        AvailabilityZone = p.String("AvailabilityZone"),
        AvailabilityZoneId = p.String("AvailabilityZoneId"),
        OutpostArn = p.String("OutpostArn"),
        TagSpecifications = TagSpecifications(p),
    };

    public static DescribeSubnetsRequest DescribeSubnets(QueryParameters p) => new()
    {
        SubnetIds = p.Strings("SubnetId"),
        Filters = Filters(p),
        NextToken = p.String("NextToken"),
        MaxResults = p.Int("MaxResults", Invalid),
    };

    public static DeleteSubnetRequest DeleteSubnet(QueryParameters p) => new() { SubnetId = p.String("SubnetId") };

    public static CreateSecurityGroupRequest CreateSecurityGroup(QueryParameters p) => new()
    {
        GroupName = p.String("GroupName"),
        Description = p.String("GroupDescription"),
        VpcId = p.String("VpcId"),
        TagSpecifications = TagSpecifications(p),
    };

    public static DescribeSecurityGroupsRequest DescribeSecurityGroups(QueryParameters p) => new()
    {
        GroupIds = p.Strings("GroupId"),
        GroupNames = p.Strings("GroupName"),
        Filters = Filters(p),
        NextToken = p.String("NextToken"),
        MaxResults = p.Int("MaxResults", Invalid),
    };

    /// <summary>
    /// Either <c>IpPermissions.N.*</c> or the flat shorthand (<c>IpProtocol</c>, <c>FromPort</c>,
    /// <c>ToPort</c>, <c>CidrIp</c>, <c>SourceSecurityGroupName</c>) that the CLI's <c>--protocol/--port/--cidr</c>
    /// send; EC2 reads the shorthand as one permission and refuses the two together.
    /// </summary>
    public static AuthorizeSecurityGroupIngressRequest AuthorizeSecurityGroupIngress(QueryParameters p)
    {
        var permissions = p.Entries("IpPermissions").Select(IpPermission).ToList();
        var shorthand = IngressShorthand.Where(p.Has).ToList();
        if (shorthand.Count > 0)
        {
            if (permissions.Count > 0)
            {
                throw Error("InvalidParameterCombination", $"The parameter '{shorthand[0]}' may not be used in combination with 'IpPermissions'.");
            }

            var permission = new IpPermission
            {
                IpProtocol = p.String("IpProtocol"),
                FromPort = p.Int("FromPort", Invalid),
                ToPort = p.Int("ToPort", Invalid),
            };
            if (p.String("CidrIp") is { } cidr)
            {
                permission.Ipv4Ranges = [new IpRange { CidrIp = cidr }];
            }

            if (p.String("SourceSecurityGroupName") is { } source)
            {
                permission.UserIdGroupPairs = [new UserIdGroupPair { GroupName = source, UserId = p.String("SourceSecurityGroupOwnerId") }];
            }

            permissions.Add(permission);
        }

        return new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = p.String("GroupId"),
            GroupName = p.String("GroupName"),
            IpPermissions = permissions.Count == 0 ? null : permissions,
            TagSpecifications = TagSpecifications(p),
        };
    }

    /// <summary>The same permissions as AuthorizeSecurityGroupIngress, without tags.</summary>
    public static RevokeSecurityGroupIngressRequest RevokeSecurityGroupIngress(QueryParameters p)
    {
        var authorize = AuthorizeSecurityGroupIngress(p);
        return new RevokeSecurityGroupIngressRequest
        {
            GroupId = authorize.GroupId,
            GroupName = authorize.GroupName,
            IpPermissions = authorize.IpPermissions,
        };
    }

    public static DeleteSecurityGroupRequest DeleteSecurityGroup(QueryParameters p) => new() { GroupId = p.String("GroupId"), GroupName = p.String("GroupName") };

    public static RunInstancesRequest RunInstances(QueryParameters p)
    {
        var request = new RunInstancesRequest
        {
            ImageId = p.String("ImageId"),
            InstanceType = Constant(p.String("InstanceType"), InstanceType.FindValue),
            MinCount = p.Int("MinCount", Invalid),
            MaxCount = p.Int("MaxCount", Invalid),
            KeyName = p.String("KeyName"),
            SubnetId = p.String("SubnetId"),
            SecurityGroupIds = p.Strings("SecurityGroupId"),
            SecurityGroups = p.Strings("SecurityGroup"),
            UserData = p.String("UserData"),
            ClientToken = p.String("ClientToken"),
            PrivateIpAddress = p.String("PrivateIpAddress"),
            EbsOptimized = p.Bool("EbsOptimized", Invalid),
            DisableApiTermination = p.Bool("DisableApiTermination", Invalid),
            InstanceInitiatedShutdownBehavior = Constant(p.String("InstanceInitiatedShutdownBehavior"), ShutdownBehavior.FindValue),
            TagSpecifications = TagSpecifications(p),
        };
        if (p.Structure("IamInstanceProfile") is { } profile)
        {
            request.IamInstanceProfile = new IamInstanceProfileSpecification { Arn = profile.String("Arn"), Name = profile.String("Name") };
        }

        if (p.Structure("Placement") is { } placement)
        {
            request.Placement = new Placement
            {
                AvailabilityZone = placement.String("AvailabilityZone"),
                AvailabilityZoneId = placement.String("AvailabilityZoneId"),
                GroupName = placement.String("GroupName"),
                Tenancy = Constant(placement.String("Tenancy"), Tenancy.FindValue),
            };
        }

        if (p.Structure("Monitoring") is { } monitoring)
        {
            request.Monitoring = monitoring.Bool("Enabled", Invalid);
        }

        return request;
    }

    public static DescribeInstancesRequest DescribeInstances(QueryParameters p) => new()
    {
        InstanceIds = p.Strings("InstanceId"),
        Filters = Filters(p),
        NextToken = p.String("NextToken"),
        MaxResults = p.Int("MaxResults", Invalid),
    };

    public static TerminateInstancesRequest TerminateInstances(QueryParameters p) => new() { InstanceIds = p.Strings("InstanceId") };

    public static ModifySubnetAttributeRequest ModifySubnetAttribute(QueryParameters p) => new()
    {
        SubnetId = p.String("SubnetId"),
        MapPublicIpOnLaunch = BooleanValue(p, "MapPublicIpOnLaunch"),
        MapCustomerOwnedIpOnLaunch = BooleanValue(p, "MapCustomerOwnedIpOnLaunch"),
        CustomerOwnedIpv4Pool = p.String("CustomerOwnedIpv4Pool"),
        AssignIpv6AddressOnCreation = BooleanValue(p, "AssignIpv6AddressOnCreation"),
    };

    public static CreateRouteTableRequest CreateRouteTable(QueryParameters p) => new()
    {
        VpcId = p.String("VpcId"),
        ClientToken = p.String("ClientToken"),
        TagSpecifications = TagSpecifications(p),
    };

    public static DescribeRouteTablesRequest DescribeRouteTables(QueryParameters p) => new()
    {
        RouteTableIds = p.Strings("RouteTableId"),
        Filters = Filters(p),
        NextToken = p.String("NextToken"),
        MaxResults = p.Int("MaxResults", Invalid),
    };

    public static DeleteRouteTableRequest DeleteRouteTable(QueryParameters p) => new() { RouteTableId = p.String("RouteTableId") };

    public static CreateRouteRequest CreateRoute(QueryParameters p) => new()
    {
        RouteTableId = p.String("RouteTableId"),
        DestinationCidrBlock = p.String("DestinationCidrBlock"),
        GatewayId = p.String("GatewayId"),
        NatGatewayId = p.String("NatGatewayId"),
        TransitGatewayId = p.String("TransitGatewayId"),
        LocalGatewayId = p.String("LocalGatewayId"),
        VpcEndpointId = p.String("VpcEndpointId"),
    };

    public static AssociateRouteTableRequest AssociateRouteTable(QueryParameters p) => new()
    {
        RouteTableId = p.String("RouteTableId"),
        SubnetId = p.String("SubnetId"),
    };

    public static DisassociateRouteTableRequest DisassociateRouteTable(QueryParameters p) => new() { AssociationId = p.String("AssociationId") };

    public static CreateInternetGatewayRequest CreateInternetGateway(QueryParameters p) => new() { TagSpecifications = TagSpecifications(p) };

    public static DescribeInternetGatewaysRequest DescribeInternetGateways(QueryParameters p) => new()
    {
        InternetGatewayIds = p.Strings("InternetGatewayId"),
        Filters = Filters(p),
        NextToken = p.String("NextToken"),
        MaxResults = p.Int("MaxResults", Invalid),
    };

    public static AttachInternetGatewayRequest AttachInternetGateway(QueryParameters p) => new() { InternetGatewayId = p.String("InternetGatewayId"), VpcId = p.String("VpcId") };

    public static DetachInternetGatewayRequest DetachInternetGateway(QueryParameters p) => new() { InternetGatewayId = p.String("InternetGatewayId"), VpcId = p.String("VpcId") };

    public static DeleteInternetGatewayRequest DeleteInternetGateway(QueryParameters p) => new() { InternetGatewayId = p.String("InternetGatewayId") };

    public static DescribeLocalGatewaysRequest DescribeLocalGateways(QueryParameters p) => new()
    {
        LocalGatewayIds = p.Strings("LocalGatewayId"),
        Filters = Filters(p),
        NextToken = p.String("NextToken"),
        MaxResults = p.Int("MaxResults", Invalid),
    };

    public static DescribeLocalGatewayRouteTablesRequest DescribeLocalGatewayRouteTables(QueryParameters p) => new()
    {
        LocalGatewayRouteTableIds = p.Strings("LocalGatewayRouteTableId"),
        Filters = Filters(p),
        NextToken = p.String("NextToken"),
        MaxResults = p.Int("MaxResults", Invalid),
    };

    public static CreateLocalGatewayRouteTableVpcAssociationRequest CreateLocalGatewayRouteTableVpcAssociation(QueryParameters p) => new()
    {
        LocalGatewayRouteTableId = p.String("LocalGatewayRouteTableId"),
        VpcId = p.String("VpcId"),
        TagSpecifications = TagSpecifications(p),
    };

    public static DescribeLocalGatewayRouteTableVpcAssociationsRequest DescribeLocalGatewayRouteTableVpcAssociations(QueryParameters p) => new()
    {
        LocalGatewayRouteTableVpcAssociationIds = p.Strings("LocalGatewayRouteTableVpcAssociationId"),
        Filters = Filters(p),
        NextToken = p.String("NextToken"),
        MaxResults = p.Int("MaxResults", Invalid),
    };

    public static DeleteLocalGatewayRouteTableVpcAssociationRequest DeleteLocalGatewayRouteTableVpcAssociation(QueryParameters p) => new()
    {
        LocalGatewayRouteTableVpcAssociationId = p.String("LocalGatewayRouteTableVpcAssociationId"),
    };

    public static DescribeCoipPoolsRequest DescribeCoipPools(QueryParameters p) => new()
    {
        PoolIds = p.Strings("PoolId"),
        Filters = Filters(p),
        NextToken = p.String("NextToken"),
        MaxResults = p.Int("MaxResults", Invalid),
    };

    public static DescribeVpcEndpointsRequest DescribeVpcEndpoints(QueryParameters p) => new()
    {
        VpcEndpointIds = p.Strings("VpcEndpointId"),
        Filters = Filters(p),
        NextToken = p.String("NextToken"),
        MaxResults = p.Int("MaxResults", Invalid),
    };

    public static DescribeAvailabilityZonesRequest DescribeAvailabilityZones(QueryParameters p) => new()
    {
        ZoneNames = p.Strings("ZoneName"),
        ZoneIds = p.Strings("ZoneId"),
        AllAvailabilityZones = p.Bool("AllAvailabilityZones", Invalid),
        Filters = Filters(p),
    };

    public static AmazonEC2Exception Error(string code, string message) =>
        new(message, ErrorType.Sender, code, string.Empty, HttpStatusCode.BadRequest);

    private static Exception Invalid(string name, string value) =>
        Error(Ec2ErrorCodes.InvalidParameterValue, $"Invalid value '{value}' for {name}.");

    /// <summary>An AttributeBooleanValue: <c>Name.Value=true</c>.</summary>
    private static bool? BooleanValue(QueryParameters p, string name) => p.Structure(name)?.Bool("Value", Invalid);

    private static T? Constant<T>(string? value, Func<string, T> find)
        where T : ConstantClass => value is null ? null : find(value);

    private static List<Filter>? Filters(QueryParameters p)
    {
        var filters = p.Entries("Filter").Select(f => new Filter { Name = f.String("Name"), Values = f.Strings("Value") ?? [] }).ToList();
        return filters.Count == 0 ? null : filters;
    }

    private static List<TagSpecification>? TagSpecifications(QueryParameters p)
    {
        var specifications = p.Entries("TagSpecification")
            .Select(s => new TagSpecification
            {
                ResourceType = Constant(s.String("ResourceType"), ResourceType.FindValue),
                Tags = [.. s.Entries("Tag").Select(t => new Tag(t.String("Key"), t.String("Value")))],
            })
            .ToList();
        return specifications.Count == 0 ? null : specifications;
    }

    private static IpPermission IpPermission(QueryParameters p) => new()
    {
        IpProtocol = p.String("IpProtocol"),
        FromPort = p.Int("FromPort", Invalid),
        ToPort = p.Int("ToPort", Invalid),
        Ipv4Ranges = NullIfEmpty(p.Entries("IpRanges").Select(r => new IpRange { CidrIp = r.String("CidrIp"), Description = r.String("Description") })),
        Ipv6Ranges = NullIfEmpty(p.Entries("Ipv6Ranges").Select(r => new Ipv6Range { CidrIpv6 = r.String("CidrIpv6"), Description = r.String("Description") })),
        PrefixListIds = NullIfEmpty(p.Entries("PrefixListIds").Select(r => new PrefixListId { Id = r.String("PrefixListId"), Description = r.String("Description") })),
        UserIdGroupPairs = NullIfEmpty(p.Entries("Groups").Select(g => new UserIdGroupPair
        {
            GroupId = g.String("GroupId"),
            GroupName = g.String("GroupName"),
            UserId = g.String("UserId"),
            VpcId = g.String("VpcId"),
            Description = g.String("Description"),
        })),
    };

    private static List<T>? NullIfEmpty<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list;
    }
}
