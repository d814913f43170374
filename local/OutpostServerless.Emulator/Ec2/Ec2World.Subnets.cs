using Amazon.EC2;
using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;

namespace OutpostServerless.Emulator.Ec2;

internal sealed partial class Ec2World
{
    private readonly Ec2Filters<SubnetRecord> _subnetFilters = new(
        new Dictionary<string, Func<SubnetRecord, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["subnet-id"] = s => [s.SubnetId],
            ["vpc-id"] = s => [s.VpcId],
            ["cidr-block"] = s => [s.CidrBlock],
            ["availability-zone"] = s => [s.AvailabilityZone],
            ["availability-zone-id"] = s => [s.AvailabilityZoneId],
            ["outpost-arn"] = s => [s.OutpostArn],
            ["state"] = _ => ["available"],
            ["default-for-az"] = _ => ["false"],
            ["owner-id"] = _ => [region.Options.AccountId],
            ["subnet-arn"] = s => [$"arn:aws:ec2:{region.Options.Region}:{region.Options.AccountId}:subnet/{s.SubnetId}"],
        },
        s => s.Tags);

    public CreateSubnetResponse CreateSubnet(CreateSubnetRequest request)
    {
        if (string.IsNullOrEmpty(request.VpcId))
        {
            throw Ec2Errors.Missing("vpcId");
        }

        if (string.IsNullOrEmpty(request.CidrBlock))
        {
            throw Ec2Errors.Missing("cidrBlock");
        }

        var vpc = State.Vpcs.Find(v => v.VpcId == request.VpcId) ?? throw Ec2Errors.VpcNotFound(request.VpcId);
        var cidr = Cidr.Parse(request.CidrBlock) ?? throw Ec2Errors.InvalidCidr("cidrBlock", request.CidrBlock);
        var vpcCidr = Cidr.Parse(vpc.CidrBlock)!.Value;
        if (cidr.Prefix is < 16 or > 28 || !vpcCidr.Contains(cidr))
        {
            throw Ec2Errors.Error(Ec2ErrorCodes.InvalidSubnetRange, $"The CIDR '{request.CidrBlock}' is invalid.");
        }

        if (State.Subnets.Exists(s => s.VpcId == vpc.VpcId && Cidr.Parse(s.CidrBlock)!.Value.Overlaps(cidr)))
        {
            throw Ec2Errors.Error(Ec2ErrorCodes.InvalidSubnetConflict, $"The CIDR '{request.CidrBlock}' conflicts with another subnet");
        }

        var (zone, zoneId) = ResolveZone(request);
        string? outpostArn = null;
        if (!string.IsNullOrEmpty(request.OutpostArn))
        {
            var outpost = region.Outposts.FindByArn(request.OutpostArn)
                ?? throw Ec2Errors.Error(Ec2Errors.InvalidOutpostArnNotFound, $"The outpostArn ID '{request.OutpostArn}' does not exist");
            if (zone is null)
            {
                throw Ec2Errors.InvalidValue($"The Availability Zone must be specified when an Outpost ARN is specified. The Outpost '{outpost.OutpostArn}' is in {outpost.AvailabilityZone} ({outpost.AvailabilityZoneId}).");
            }

            if (zone != outpost.AvailabilityZone)
            {
                throw Ec2Errors.InvalidValue($"Value ({zone}) for parameter availabilityZone is invalid. The Outpost '{outpost.OutpostArn}' is in {outpost.AvailabilityZone} ({outpost.AvailabilityZoneId}).");
            }

            outpostArn = outpost.OutpostArn;
        }

        if (zone is null)
        {
            // AWS picks a zone when none is given; the seed keeps the pick deterministic.
            var zones = region.Options.AvailabilityZones;
            var pick = zones[(int)(Convert.ToUInt32(region.Ids.Hex("az-pick", 8), 16) % (uint)zones.Count)];
            (zone, zoneId) = (pick.ZoneName, pick.ZoneId);
        }

        var tags = Ec2Tags.From(request.TagSpecifications, "subnet");
        var subnet = new SubnetRecord
        {
            SubnetId = "subnet-" + region.Ids.Hex("subnet", 17),
            VpcId = vpc.VpcId,
            CidrBlock = cidr.ToString(),
            AvailabilityZone = zone,
            AvailabilityZoneId = zoneId!,
            OutpostArn = outpostArn,
            Tags = tags,
        };
        State.Subnets.Add(subnet);
        return new CreateSubnetResponse { Subnet = ToSdk(subnet) };
    }

    public DescribeSubnetsResponse DescribeSubnets(DescribeSubnetsRequest request)
    {
        var matches = _subnetFilters.Compile(request.Filters);
        var ids = request.SubnetIds ?? [];
        foreach (var id in ids)
        {
            if (!State.Subnets.Exists(s => s.SubnetId == id))
            {
                throw Ec2Errors.SubnetNotFound(id);
            }
        }

        var subnets = State.Subnets.Where(s => (ids.Count == 0 || ids.Contains(s.SubnetId)) && matches(s)).ToList();
        var (page, next) = Ec2Paging.Page(subnets, request.MaxResults, request.NextToken);
        return new DescribeSubnetsResponse { Subnets = NullIfEmpty(page.ConvertAll(ToSdk)), NextToken = next };
    }

    public DeleteSubnetResponse DeleteSubnet(DeleteSubnetRequest request)
    {
        if (string.IsNullOrEmpty(request.SubnetId))
        {
            throw Ec2Errors.Missing("subnetId");
        }

        var subnet = State.Subnets.Find(s => s.SubnetId == request.SubnetId) ?? throw Ec2Errors.SubnetNotFound(request.SubnetId);
        if (State.Instances.Exists(i => i.SubnetId == subnet.SubnetId && HoldsNetworkInterface(i))
            || State.NatGateways.Exists(n => n.SubnetId == subnet.SubnetId))
        {
            throw Ec2Errors.Error(Ec2ErrorCodes.DependencyViolation, $"The subnet '{subnet.SubnetId}' has dependencies and cannot be deleted.");
        }

        // A deleted subnet's explicit route table association goes with it.
        State.RouteTables.ForEach(t => t.Associations.RemoveAll(a => a.SubnetId == subnet.SubnetId));
        State.Subnets.Remove(subnet);
        return new DeleteSubnetResponse();
    }

    /// <summary>
    /// One attribute per call, as EC2 says; on an Outpost rack MapCustomerOwnedIpOnLaunch and
    /// CustomerOwnedIpv4Pool act as one attribute, and the pool must belong to the subnet's Outpost.
    /// </summary>
    public ModifySubnetAttributeResponse ModifySubnetAttribute(ModifySubnetAttributeRequest request)
    {
        if (string.IsNullOrEmpty(request.SubnetId))
        {
            throw Ec2Errors.Missing("subnetId");
        }

        var subnet = FindSubnet(request.SubnetId) ?? throw Ec2Errors.SubnetNotFound(request.SubnetId);
        var customerOwned = request.MapCustomerOwnedIpOnLaunch is not null || request.CustomerOwnedIpv4Pool is not null;
        var attributes = (request.MapPublicIpOnLaunch is null ? 0 : 1) + (customerOwned ? 1 : 0) + (request.AssignIpv6AddressOnCreation is null ? 0 : 1);
        if (attributes != 1)
        {
            throw Ec2Errors.Error(Ec2Errors.InvalidParameterCombination, "Only one attribute can be modified at a time.");
        }

        if (request.MapPublicIpOnLaunch is { } mapPublic)
        {
            subnet.MapPublicIpOnLaunch = mapPublic;
        }
        else if (customerOwned)
        {
            ModifyCustomerOwnedIp(subnet, request.MapCustomerOwnedIpOnLaunch ?? false, request.CustomerOwnedIpv4Pool);
        }
        else if (request.AssignIpv6AddressOnCreation == true)
        {
            throw Ec2Errors.InvalidValue($"Invalid value 'true' for assignIpv6AddressOnCreation. The subnet {subnet.SubnetId} has no IPv6 CIDR block.");
        }

        return new ModifySubnetAttributeResponse();
    }

    private void ModifyCustomerOwnedIp(SubnetRecord subnet, bool map, string? poolId)
    {
        if (!map)
        {
            subnet.MapCustomerOwnedIpOnLaunch = false;
            subnet.CustomerOwnedIpv4Pool = null;
            return;
        }

        if (string.IsNullOrEmpty(poolId))
        {
            throw Ec2Errors.Missing("CustomerOwnedIpv4Pool");
        }

        var outpost = region.Options.Outposts.FirstOrDefault(o => region.Arn("outposts", $"outpost/{o.OutpostId}") == subnet.OutpostArn);
        if (outpost?.LocalGateway is not { } gateway || gateway.CoipPoolId != poolId)
        {
            throw Ec2Errors.InvalidValue($"Value ({poolId}) for parameter customerOwnedIpv4Pool is invalid. The pool does not exist on the Outpost of subnet {subnet.SubnetId}.");
        }

        subnet.MapCustomerOwnedIpOnLaunch = true;
        subnet.CustomerOwnedIpv4Pool = poolId;
    }

    private (string? Zone, string? ZoneId) ResolveZone(CreateSubnetRequest request)
    {
        var zones = region.Options.AvailabilityZones;
        if (!string.IsNullOrEmpty(request.AvailabilityZone) && !string.IsNullOrEmpty(request.AvailabilityZoneId))
        {
            throw Ec2Errors.Error(Ec2Errors.InvalidParameterCombination, "Only one of availabilityZone or availabilityZoneId may be specified.");
        }

        if (!string.IsNullOrEmpty(request.AvailabilityZone))
        {
            var zone = zones.FirstOrDefault(z => z.ZoneName == request.AvailabilityZone)
                ?? throw Ec2Errors.InvalidValue($"Value ({request.AvailabilityZone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: {string.Join(", ", zones.Select(z => z.ZoneName))}.");
            return (zone.ZoneName, zone.ZoneId);
        }

        if (!string.IsNullOrEmpty(request.AvailabilityZoneId))
        {
            var zone = zones.FirstOrDefault(z => z.ZoneId == request.AvailabilityZoneId)
                ?? throw Ec2Errors.InvalidValue($"Value ({request.AvailabilityZoneId}) for parameter availabilityZoneId is invalid. Subnets can currently only be created in the following availability zones: {string.Join(", ", zones.Select(z => z.ZoneId))}.");
            return (zone.ZoneName, zone.ZoneId);
        }

        return (null, null);
    }

    private Subnet ToSdk(SubnetRecord subnet)
    {
        var cidr = Cidr.Parse(subnet.CidrBlock)!.Value;
        var liveAddresses = State.Instances.Count(i => i.SubnetId == subnet.SubnetId && HoldsNetworkInterface(i));
        return new Subnet
        {
            SubnetId = subnet.SubnetId,
            SubnetArn = $"arn:aws:ec2:{region.Options.Region}:{region.Options.AccountId}:subnet/{subnet.SubnetId}",
            VpcId = subnet.VpcId,
            CidrBlock = subnet.CidrBlock,
            AvailabilityZone = subnet.AvailabilityZone,
            AvailabilityZoneId = subnet.AvailabilityZoneId,
            AvailableIpAddressCount = (int)(cidr.Size - 5 - liveAddresses),
            DefaultForAz = false,
            MapPublicIpOnLaunch = subnet.MapPublicIpOnLaunch,
            MapCustomerOwnedIpOnLaunch = subnet.OutpostArn is null ? null : subnet.MapCustomerOwnedIpOnLaunch,
            CustomerOwnedIpv4Pool = subnet.CustomerOwnedIpv4Pool,
            AssignIpv6AddressOnCreation = false,
            State = SubnetState.Available,
            OwnerId = region.Options.AccountId,
            OutpostArn = subnet.OutpostArn,
            Tags = Ec2Tags.ToSdk(subnet.Tags),
        };
    }
}
