using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.Ec2;

/// <summary>
/// EC2's state and rules (VPCs, subnets, security groups, instances), one file per resource. The
/// answers are AWSSDK.EC2 model objects built fresh per call; empty lists are left null, as the
/// SDK v4 unmarshaller leaves them for an empty XML set.
/// </summary>
internal sealed partial class Ec2World(EmulatedRegion region)
{
    private Ec2State State => region.State.Ec2;

    /// <summary>Slots of <paramref name="instanceType"/> this account's live instances hold on the Outpost.</summary>
    public int SlotsInUse(string outpostArn, string instanceType) =>
        State.Instances.Count(i => i.IsLive && i.OutpostArn == outpostArn && i.InstanceType == instanceType);

    public InstanceRecord? FindInstance(string instanceId) => State.Instances.Find(i => i.InstanceId == instanceId);

    public IReadOnlyList<InstanceRecord> Instances => State.Instances;

    public SubnetRecord? FindSubnet(string subnetId) => State.Subnets.Find(s => s.SubnetId == subnetId);

    /// <summary>
    /// Live VPCs, subnets, security groups, route tables (not the main ones), internet gateways, local
    /// gateway VPC associations and instances whose tags pass <paramref name="include"/>. A VPC's
    /// "default" group is EC2's own doing (it comes and goes with the VPC), so it is never listed.
    /// </summary>
    public IEnumerable<EmulatedResource> Resources(Func<Dictionary<string, string>, bool> include)
    {
        bool Tagged(Dictionary<string, string> tags) => include(tags);
        foreach (var vpc in State.Vpcs.Where(v => Tagged(v.Tags)))
        {
            yield return new EmulatedResource("vpc", vpc.VpcId, vpc.Tags);
        }

        foreach (var subnet in State.Subnets.Where(s => Tagged(s.Tags)))
        {
            yield return new EmulatedResource("subnet", subnet.SubnetId, subnet.Tags);
        }

        foreach (var group in State.SecurityGroups.Where(g => g.GroupName != "default" && Tagged(g.Tags)))
        {
            yield return new EmulatedResource("security-group", group.GroupId, group.Tags);
        }

        foreach (var table in State.RouteTables.Where(t => !t.Main && Tagged(t.Tags)))
        {
            yield return new EmulatedResource("route-table", table.RouteTableId, table.Tags);
        }

        foreach (var gateway in State.InternetGateways.Where(g => Tagged(g.Tags)))
        {
            yield return new EmulatedResource("internet-gateway", gateway.InternetGatewayId, gateway.Tags);
        }

        foreach (var association in State.LocalGatewayVpcAssociations.Where(a => Tagged(a.Tags)))
        {
            yield return new EmulatedResource("local-gateway-route-table-vpc-association", association.AssociationId, association.Tags);
        }

        foreach (var instance in State.Instances.Where(i => i.State != InstanceStates.Terminated && Tagged(i.Tags)))
        {
            yield return new EmulatedResource("instance", instance.InstanceId, instance.Tags);
        }
    }

    /// <summary>Instances boot and finish terminating as virtual time passes.</summary>
    public void Advance(DateTimeOffset now)
    {
        var timings = region.Options.Timings;
        foreach (var instance in State.Instances)
        {
            if (instance.State == InstanceStates.Pending && now >= instance.LaunchTime + timings.InstanceBoot)
            {
                instance.State = InstanceStates.Running;
            }
            else if (instance.State == InstanceStates.ShuttingDown && now >= instance.ShutdownRequestedAt + timings.InstanceTermination)
            {
                instance.State = InstanceStates.Terminated;
                instance.TerminatedAt = instance.ShutdownRequestedAt + timings.InstanceTermination;
            }
        }
    }

    /// <summary>
    /// Whether the instance's network interface still exists: until it has terminated and the interface has
    /// been released after it. It holds the subnet, the security groups and the public address meanwhile.
    /// </summary>
    private bool HoldsNetworkInterface(InstanceRecord instance) =>
        instance.State != InstanceStates.Terminated
        || region.Now < instance.TerminatedAt + region.Options.Timings.NetworkInterfaceRelease;

    private static List<T>? NullIfEmpty<T>(List<T> items) => items.Count == 0 ? null : items;

    /// <summary>EC2 ids are a prefix and 8 or 17 hex digits; anything else is "Malformed", not "NotFound".</summary>
    private static void RequireWellFormed(string? id, string prefix, string malformedCode)
    {
        var tail = id is not null && id.StartsWith(prefix + "-", StringComparison.Ordinal) ? id[(prefix.Length + 1)..] : null;
        if (tail is null || tail.Length is not (8 or 17) || !tail.All(char.IsAsciiHexDigitLower))
        {
            throw Ec2Errors.Malformed(malformedCode, id ?? string.Empty, prefix);
        }
    }
}
