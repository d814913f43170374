using Amazon.EC2.Model;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Emulator.Ec2;

/// <summary>
/// AWSSDK.EC2 model objects as EC2's XML: each member under its <c>locationName</c> from the EC2
/// service model (<c>tagSet</c>, <c>groupSet</c>, <c>instanceState</c>, <c>dnsName</c>…), lists as
/// <c>item</c>, timestamps with milliseconds, absent members left out.
/// </summary>
internal static class Ec2ShapeWriter
{
    public static void Vpc(XmlResponseWriter xml, Vpc vpc)
    {
        xml.Element("vpcId", vpc.VpcId);
        xml.Element("ownerId", vpc.OwnerId);
        xml.Element("state", vpc.State?.Value);
        xml.Element("cidrBlock", vpc.CidrBlock);
        xml.List("cidrBlockAssociationSet", "item", vpc.CidrBlockAssociationSet, a =>
        {
            xml.Element("associationId", a.AssociationId);
            xml.Element("cidrBlock", a.CidrBlock);
            if (a.CidrBlockState is { } state)
            {
                xml.Start("cidrBlockState");
                xml.Element("state", state.State?.Value);
                xml.Element("statusMessage", state.StatusMessage);
                xml.End();
            }
        });
        xml.List("ipv6CidrBlockAssociationSet", "item", vpc.Ipv6CidrBlockAssociationSet, a =>
        {
            xml.Element("associationId", a.AssociationId);
            xml.Element("ipv6CidrBlock", a.Ipv6CidrBlock);
        });
        xml.Element("dhcpOptionsId", vpc.DhcpOptionsId);
        Tags(xml, vpc.Tags);
        xml.Element("instanceTenancy", vpc.InstanceTenancy?.Value);
        xml.Element("isDefault", vpc.IsDefault);
    }

    public static void Subnet(XmlResponseWriter xml, Subnet subnet)
    {
        xml.Element("subnetId", subnet.SubnetId);
        xml.Element("subnetArn", subnet.SubnetArn);
        xml.Element("state", subnet.State?.Value);
        xml.Element("ownerId", subnet.OwnerId);
        xml.Element("vpcId", subnet.VpcId);
        xml.Element("cidrBlock", subnet.CidrBlock);
        xml.List("ipv6CidrBlockAssociationSet", "item", subnet.Ipv6CidrBlockAssociationSet, a =>
        {
            xml.Element("associationId", a.AssociationId);
            xml.Element("ipv6CidrBlock", a.Ipv6CidrBlock);
        });
        xml.Element("availableIpAddressCount", subnet.AvailableIpAddressCount);
        xml.Element("availabilityZone", subnet.AvailabilityZone);
        xml.Element("availabilityZoneId", subnet.AvailabilityZoneId);
        xml.Element("defaultForAz", subnet.DefaultForAz);
        xml.Element("mapPublicIpOnLaunch", subnet.MapPublicIpOnLaunch);
        xml.Element("mapCustomerOwnedIpOnLaunch", subnet.MapCustomerOwnedIpOnLaunch);
        xml.Element("customerOwnedIpv4Pool", subnet.CustomerOwnedIpv4Pool);
        xml.Element("assignIpv6AddressOnCreation", subnet.AssignIpv6AddressOnCreation);
        xml.Element("outpostArn", subnet.OutpostArn);
        xml.Element("enableDns64", subnet.EnableDns64);
        xml.Element("ipv6Native", subnet.Ipv6Native);
        if (subnet.PrivateDnsNameOptionsOnLaunch is { } dns)
        {
            xml.Start("privateDnsNameOptionsOnLaunch");
            xml.Element("hostnameType", dns.HostnameType?.Value);
            xml.Element("enableResourceNameDnsARecord", dns.EnableResourceNameDnsARecord);
            xml.Element("enableResourceNameDnsAAAARecord", dns.EnableResourceNameDnsAAAARecord);
            xml.End();
        }

        Tags(xml, subnet.Tags);
    }

    public static void SecurityGroup(XmlResponseWriter xml, SecurityGroup group)
    {
        xml.Element("ownerId", group.OwnerId);
        xml.Element("groupId", group.GroupId);
        xml.Element("groupName", group.GroupName);
        xml.Element("groupDescription", group.Description);
        xml.Element("vpcId", group.VpcId);
        xml.Element("securityGroupArn", group.SecurityGroupArn);
        xml.List("ipPermissions", "item", group.IpPermissions, p => IpPermission(xml, p), always: true);
        xml.List("ipPermissionsEgress", "item", group.IpPermissionsEgress, p => IpPermission(xml, p), always: true);
        Tags(xml, group.Tags);
    }

    public static void SecurityGroupRule(XmlResponseWriter xml, SecurityGroupRule rule)
    {
        xml.Element("securityGroupRuleId", rule.SecurityGroupRuleId);
        xml.Element("groupId", rule.GroupId);
        xml.Element("groupOwnerId", rule.GroupOwnerId);
        xml.Element("isEgress", rule.IsEgress);
        xml.Element("ipProtocol", rule.IpProtocol);
        xml.Element("fromPort", rule.FromPort);
        xml.Element("toPort", rule.ToPort);
        xml.Element("cidrIpv4", rule.CidrIpv4);
        xml.Element("cidrIpv6", rule.CidrIpv6);
        xml.Element("prefixListId", rule.PrefixListId);
        if (rule.ReferencedGroupInfo is { } referenced)
        {
            xml.Start("referencedGroupInfo");
            xml.Element("groupId", referenced.GroupId);
            xml.Element("userId", referenced.UserId);
            xml.Element("vpcId", referenced.VpcId);
            xml.End();
        }

        xml.Element("description", rule.Description);
        xml.Element("securityGroupRuleArn", rule.SecurityGroupRuleArn);
        Tags(xml, rule.Tags);
    }

    /// <summary>A reservation's members, under the root (RunInstances) or an <c>item</c> (DescribeInstances).</summary>
    public static void Reservation(XmlResponseWriter xml, Reservation reservation)
    {
        xml.Element("reservationId", reservation.ReservationId);
        xml.Element("ownerId", reservation.OwnerId);
        xml.Element("requesterId", reservation.RequesterId);
        xml.List("groupSet", "item", reservation.Groups, g => GroupIdentifier(xml, g), always: true);
        xml.List("instancesSet", "item", reservation.Instances, i => Instance(xml, i), always: true);
    }

    public static void Instance(XmlResponseWriter xml, Instance instance)
    {
        xml.Element("instanceId", instance.InstanceId);
        xml.Element("imageId", instance.ImageId);
        InstanceState(xml, "instanceState", instance.State);
        xml.Element("privateDnsName", instance.PrivateDnsName);
        xml.Element("dnsName", instance.PublicDnsName);
        xml.Element("reason", instance.StateTransitionReason);
        xml.Element("keyName", instance.KeyName);
        xml.Element("amiLaunchIndex", instance.AmiLaunchIndex);
        xml.List("productCodes", "item", instance.ProductCodes, c =>
        {
            xml.Element("productCode", c.ProductCodeId);
            xml.Element("type", c.ProductCodeType?.Value);
        });
        xml.Element("instanceType", instance.InstanceType?.Value);
        xml.Element("launchTime", instance.LaunchTime is { } launched ? new DateTimeOffset(DateTime.SpecifyKind(launched, DateTimeKind.Utc)) : null, milliseconds: true);
        if (instance.Placement is { } placement)
        {
            xml.Start("placement");
            xml.Element("availabilityZoneId", placement.AvailabilityZoneId);
            xml.Element("availabilityZone", placement.AvailabilityZone);
            xml.Element("groupName", placement.GroupName);
            xml.Element("tenancy", placement.Tenancy?.Value);
            xml.Element("hostId", placement.HostId);
            xml.End();
        }

        xml.Element("kernelId", instance.KernelId);
        xml.Element("ramdiskId", instance.RamdiskId);
        xml.Element("platform", instance.Platform?.Value);
        if (instance.Monitoring is { } monitoring)
        {
            xml.Start("monitoring");
            xml.Element("state", monitoring.State?.Value);
            xml.End();
        }

        xml.Element("subnetId", instance.SubnetId);
        xml.Element("vpcId", instance.VpcId);
        xml.Element("privateIpAddress", instance.PrivateIpAddress);
        xml.Element("ipAddress", instance.PublicIpAddress);
        xml.Element("sourceDestCheck", instance.SourceDestCheck);
        xml.List("groupSet", "item", instance.SecurityGroups, g => GroupIdentifier(xml, g));
        xml.List("networkInterfaceSet", "item", instance.NetworkInterfaces, n => NetworkInterface(xml, n));
        if (instance.StateReason is { } reason)
        {
            xml.Start("stateReason");
            xml.Element("code", reason.Code);
            xml.Element("message", reason.Message);
            xml.End();
        }

        xml.Element("architecture", instance.Architecture?.Value);
        xml.Element("rootDeviceType", instance.RootDeviceType?.Value);
        xml.Element("rootDeviceName", instance.RootDeviceName);
        xml.List("blockDeviceMapping", "item", instance.BlockDeviceMappings, m =>
        {
            xml.Element("deviceName", m.DeviceName);
            if (m.Ebs is { } ebs)
            {
                xml.Start("ebs");
                xml.Element("volumeId", ebs.VolumeId);
                xml.Element("status", ebs.Status?.Value);
                xml.Element("attachTime", ebs.AttachTime is { } attached ? new DateTimeOffset(DateTime.SpecifyKind(attached, DateTimeKind.Utc)) : null, milliseconds: true);
                xml.Element("deleteOnTermination", ebs.DeleteOnTermination);
                xml.End();
            }
        });
        xml.Element("virtualizationType", instance.VirtualizationType?.Value);
        xml.Element("clientToken", instance.ClientToken);
        Tags(xml, instance.Tags);
        xml.Element("hypervisor", instance.Hypervisor?.Value);
        if (instance.IamInstanceProfile is { } profile)
        {
            xml.Start("iamInstanceProfile");
            xml.Element("arn", profile.Arn);
            xml.Element("id", profile.Id);
            xml.End();
        }

        xml.Element("ebsOptimized", instance.EbsOptimized);
        xml.Element("enaSupport", instance.EnaSupport);
        xml.Element("outpostArn", instance.OutpostArn);
        xml.Element("bootMode", instance.BootMode?.Value);
        xml.Element("platformDetails", instance.PlatformDetails);
        xml.Element("usageOperation", instance.UsageOperation);
    }

    public static void InstanceStateChange(XmlResponseWriter xml, InstanceStateChange change)
    {
        xml.Element("instanceId", change.InstanceId);
        InstanceState(xml, "currentState", change.CurrentState);
        InstanceState(xml, "previousState", change.PreviousState);
    }

    public static void NetworkInterface(XmlResponseWriter xml, InstanceNetworkInterface networkInterface)
    {
        xml.Element("networkInterfaceId", networkInterface.NetworkInterfaceId);
        xml.Element("subnetId", networkInterface.SubnetId);
        xml.Element("vpcId", networkInterface.VpcId);
        xml.Element("ownerId", networkInterface.OwnerId);
        xml.Element("status", networkInterface.Status?.Value);
        xml.Element("privateIpAddress", networkInterface.PrivateIpAddress);
        xml.List("groupSet", "item", networkInterface.Groups, g => GroupIdentifier(xml, g));
        if (networkInterface.Association is { } association)
        {
            xml.Start("association");
            xml.Element("publicIp", association.PublicIp);
            xml.Element("publicDnsName", association.PublicDnsName);
            xml.Element("ipOwnerId", association.IpOwnerId);
            xml.Element("customerOwnedIp", association.CustomerOwnedIp);
            xml.End();
        }

        xml.Element("interfaceType", networkInterface.InterfaceType);
    }

    public static void RouteTable(XmlResponseWriter xml, RouteTable table)
    {
        xml.Element("routeTableId", table.RouteTableId);
        xml.Element("vpcId", table.VpcId);
        xml.Element("ownerId", table.OwnerId);
        xml.List("routeSet", "item", table.Routes, r =>
        {
            xml.Element("destinationCidrBlock", r.DestinationCidrBlock);
            xml.Element("gatewayId", r.GatewayId);
            xml.Element("natGatewayId", r.NatGatewayId);
            xml.Element("transitGatewayId", r.TransitGatewayId);
            xml.Element("localGatewayId", r.LocalGatewayId);
            xml.Element("state", r.State?.Value);
            xml.Element("origin", r.Origin?.Value);
        }, always: true);
        xml.List("associationSet", "item", table.Associations, a =>
        {
            xml.Element("routeTableAssociationId", a.RouteTableAssociationId);
            xml.Element("routeTableId", a.RouteTableId);
            xml.Element("subnetId", a.SubnetId);
            xml.Element("main", a.Main);
            AssociationState(xml, a.AssociationState);
        }, always: true);
        xml.List("propagatingVgwSet", "item", table.PropagatingVgws, _ => { }, always: true);
        Tags(xml, table.Tags);
    }

    public static void AssociationState(XmlResponseWriter xml, RouteTableAssociationState? state)
    {
        if (state is null)
        {
            return;
        }

        xml.Start("associationState");
        xml.Element("state", state.State?.Value);
        xml.Element("statusMessage", state.StatusMessage);
        xml.End();
    }

    public static void InternetGateway(XmlResponseWriter xml, InternetGateway gateway)
    {
        xml.Element("internetGatewayId", gateway.InternetGatewayId);
        xml.Element("ownerId", gateway.OwnerId);
        xml.List("attachmentSet", "item", gateway.Attachments, a =>
        {
            xml.Element("vpcId", a.VpcId);
            xml.Element("state", a.State?.Value);
        }, always: true);
        Tags(xml, gateway.Tags);
    }

    public static void LocalGateway(XmlResponseWriter xml, LocalGateway gateway)
    {
        xml.Element("localGatewayId", gateway.LocalGatewayId);
        xml.Element("outpostArn", gateway.OutpostArn);
        xml.Element("ownerId", gateway.OwnerId);
        xml.Element("state", gateway.State);
        Tags(xml, gateway.Tags);
    }

    public static void LocalGatewayRouteTable(XmlResponseWriter xml, LocalGatewayRouteTable table)
    {
        xml.Element("localGatewayRouteTableId", table.LocalGatewayRouteTableId);
        xml.Element("localGatewayRouteTableArn", table.LocalGatewayRouteTableArn);
        xml.Element("localGatewayId", table.LocalGatewayId);
        xml.Element("outpostArn", table.OutpostArn);
        xml.Element("ownerId", table.OwnerId);
        xml.Element("state", table.State);
        Tags(xml, table.Tags);
        xml.Element("mode", table.Mode?.Value);
    }

    public static void LocalGatewayRouteTableVpcAssociation(XmlResponseWriter xml, LocalGatewayRouteTableVpcAssociation association)
    {
        xml.Element("localGatewayRouteTableVpcAssociationId", association.LocalGatewayRouteTableVpcAssociationId);
        xml.Element("localGatewayRouteTableId", association.LocalGatewayRouteTableId);
        xml.Element("localGatewayRouteTableArn", association.LocalGatewayRouteTableArn);
        xml.Element("localGatewayId", association.LocalGatewayId);
        xml.Element("vpcId", association.VpcId);
        xml.Element("ownerId", association.OwnerId);
        xml.Element("state", association.State);
        Tags(xml, association.Tags);
    }

    public static void CoipPool(XmlResponseWriter xml, CoipPool pool)
    {
        xml.Element("poolId", pool.PoolId);
        xml.Values("poolCidrSet", "item", pool.PoolCidrs);
        xml.Element("localGatewayRouteTableId", pool.LocalGatewayRouteTableId);
        Tags(xml, pool.Tags);
        xml.Element("poolArn", pool.PoolArn);
    }

    public static void VpcEndpoint(XmlResponseWriter xml, VpcEndpoint endpoint)
    {
        xml.Element("vpcEndpointId", endpoint.VpcEndpointId);
        xml.Element("vpcEndpointType", endpoint.VpcEndpointType?.Value);
        xml.Element("vpcId", endpoint.VpcId);
        xml.Element("serviceName", endpoint.ServiceName);
        xml.Element("state", endpoint.State?.Value);
        xml.Values("routeTableIdSet", "item", endpoint.RouteTableIds);
        xml.Element("privateDnsEnabled", endpoint.PrivateDnsEnabled);
        xml.Element("requesterManaged", endpoint.RequesterManaged);
        xml.Element("creationTimestamp", endpoint.CreationTimestamp is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null, milliseconds: true);
        Tags(xml, endpoint.Tags);
        xml.Element("ownerId", endpoint.OwnerId);
    }

    public static void AvailabilityZone(XmlResponseWriter xml, AvailabilityZone zone)
    {
        xml.Element("zoneName", zone.ZoneName);
        xml.Element("zoneState", zone.State?.Value);
        xml.Element("regionName", zone.RegionName);
        xml.Element("zoneId", zone.ZoneId);
        xml.Element("optInStatus", zone.OptInStatus?.Value);
        xml.Element("groupName", zone.GroupName);
        xml.Element("networkBorderGroup", zone.NetworkBorderGroup);
        xml.Element("zoneType", zone.ZoneType);
        xml.List("messageSet", "item", zone.Messages, _ => { }, always: true);
    }

    public static void Tags(XmlResponseWriter xml, List<Tag>? tags) => xml.List("tagSet", "item", tags, t =>
    {
        xml.Element("key", t.Key);
        xml.Element("value", t.Value);
    });

    private static void InstanceState(XmlResponseWriter xml, string name, InstanceState? state)
    {
        if (state is null)
        {
            return;
        }

        xml.Start(name);
        xml.Element("code", state.Code);
        xml.Element("name", state.Name?.Value);
        xml.End();
    }

    private static void GroupIdentifier(XmlResponseWriter xml, GroupIdentifier group)
    {
        xml.Element("groupId", group.GroupId);
        xml.Element("groupName", group.GroupName);
    }

    public static void IpPermission(XmlResponseWriter xml, IpPermission permission)
    {
        xml.Element("ipProtocol", permission.IpProtocol);
        xml.Element("fromPort", permission.FromPort);
        xml.Element("toPort", permission.ToPort);
        xml.List("groups", "item", permission.UserIdGroupPairs, g =>
        {
            xml.Element("description", g.Description);
            xml.Element("userId", g.UserId);
            xml.Element("groupId", g.GroupId);
            xml.Element("groupName", g.GroupName);
            xml.Element("vpcId", g.VpcId);
        }, always: true);
        xml.List("ipRanges", "item", permission.Ipv4Ranges, r =>
        {
            xml.Element("cidrIp", r.CidrIp);
            xml.Element("description", r.Description);
        }, always: true);
        xml.List("ipv6Ranges", "item", permission.Ipv6Ranges, r =>
        {
            xml.Element("cidrIpv6", r.CidrIpv6);
            xml.Element("description", r.Description);
        }, always: true);
        xml.List("prefixListIds", "item", permission.PrefixListIds, r =>
        {
            xml.Element("prefixListId", r.Id);
            xml.Element("description", r.Description);
        }, always: true);
    }
}
