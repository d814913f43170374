using System.Globalization;
using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;

namespace OutpostServerless.Emulator.Ec2;

internal sealed partial class Ec2World
{
    private readonly Ec2Filters<SecurityGroupRecord> _groupFilters = new(
        new Dictionary<string, Func<SecurityGroupRecord, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["group-id"] = g => [g.GroupId],
            ["group-name"] = g => [g.GroupName],
            ["vpc-id"] = g => [g.VpcId],
            ["description"] = g => [g.Description],
            ["owner-id"] = _ => [region.Options.AccountId],
            ["ip-permission.cidr"] = g => g.Ingress.Select(r => r.CidrIpv4),
            ["ip-permission.ipv6-cidr"] = g => g.Ingress.Select(r => r.CidrIpv6),
            ["ip-permission.group-id"] = g => g.Ingress.Select(r => r.ReferencedGroupId),
            ["ip-permission.prefix-list-id"] = g => g.Ingress.Select(r => r.PrefixListId),
            ["ip-permission.protocol"] = g => g.Ingress.Select(r => r.Protocol),
            ["ip-permission.from-port"] = g => g.Ingress.Select(r => r.FromPort?.ToString(CultureInfo.InvariantCulture)),
            ["ip-permission.to-port"] = g => g.Ingress.Select(r => r.ToPort?.ToString(CultureInfo.InvariantCulture)),
            ["egress.ip-permission.cidr"] = g => g.Egress.Select(r => r.CidrIpv4),
            ["egress.ip-permission.protocol"] = g => g.Egress.Select(r => r.Protocol),
        },
        g => g.Tags);

    public CreateSecurityGroupResponse CreateSecurityGroup(CreateSecurityGroupRequest request)
    {
        if (string.IsNullOrEmpty(request.GroupName))
        {
            throw Ec2Errors.Missing("groupName");
        }

        if (string.IsNullOrEmpty(request.Description))
        {
            throw Ec2Errors.Missing("groupDescription");
        }

        if (request.GroupName.StartsWith("sg-", StringComparison.OrdinalIgnoreCase))
        {
            throw Ec2Errors.InvalidValue($"Invalid value '{request.GroupName}' for groupName. Group names may not be in the format sg-*.");
        }

        if (request.GroupName.Length > 255 || request.Description.Length > 255)
        {
            throw Ec2Errors.InvalidValue("Group names and descriptions may have at most 255 characters.");
        }

        if (string.IsNullOrEmpty(request.VpcId))
        {
            throw Ec2Errors.Error(Ec2Errors.VpcIdNotSpecified, "No default VPC for this user");
        }

        var vpc = State.Vpcs.Find(v => v.VpcId == request.VpcId) ?? throw Ec2Errors.VpcNotFound(request.VpcId);
        if (State.SecurityGroups.Exists(g => g.VpcId == vpc.VpcId && g.GroupName == request.GroupName))
        {
            throw Ec2Errors.Error(Ec2ErrorCodes.InvalidGroupDuplicate, $"The security group '{request.GroupName}' already exists for VPC '{vpc.VpcId}'");
        }

        var tags = Ec2Tags.From(request.TagSpecifications, "security-group");
        var group = new SecurityGroupRecord
        {
            GroupId = "sg-" + region.Ids.Hex("sg", 17),
            GroupName = request.GroupName,
            Description = request.Description,
            VpcId = vpc.VpcId,
            Egress = [AllTrafficOut()],
            Tags = tags,
        };
        State.SecurityGroups.Add(group);
        return new CreateSecurityGroupResponse { GroupId = group.GroupId, SecurityGroupArn = GroupArn(group), Tags = Ec2Tags.ToSdk(group.Tags) };
    }

    public DescribeSecurityGroupsResponse DescribeSecurityGroups(DescribeSecurityGroupsRequest request)
    {
        var matches = _groupFilters.Compile(request.Filters);
        var ids = request.GroupIds ?? [];
        foreach (var id in ids)
        {
            RequireWellFormed(id, "sg", Ec2Errors.InvalidGroupIdMalformed);
            if (!State.SecurityGroups.Exists(g => g.GroupId == id))
            {
                throw Ec2Errors.GroupNotFound(id);
            }
        }

        if (request.GroupNames is { Count: > 0 } names)
        {
            // Names alone only address groups of the default VPC, which this account does not have.
            throw Ec2Errors.Error(Ec2ErrorCodes.InvalidGroupNotFound, $"The security group '{names[0]}' does not exist in default VPC 'none'");
        }

        var groups = State.SecurityGroups.Where(g => (ids.Count == 0 || ids.Contains(g.GroupId)) && matches(g)).ToList();
        var (page, next) = Ec2Paging.Page(groups, request.MaxResults, request.NextToken);
        return new DescribeSecurityGroupsResponse { SecurityGroups = NullIfEmpty(page.ConvertAll(ToSdk)), NextToken = next };
    }

    public AuthorizeSecurityGroupIngressResponse AuthorizeSecurityGroupIngress(AuthorizeSecurityGroupIngressRequest request)
    {
        var group = ResolveGroup(request.GroupId, request.GroupName);
        if (request.IpPermissions is not { Count: > 0 })
        {
            throw Ec2Errors.Missing("ipPermissions");
        }

        var rules = request.IpPermissions.SelectMany(p => Expand(p, group)).ToList();
        for (var i = 0; i < rules.Count; i++)
        {
            if (group.Ingress.Exists(r => r.SameRuleAs(rules[i])) || rules.Take(i).Any(r => r.SameRuleAs(rules[i])))
            {
                throw Ec2Errors.Error(Ec2ErrorCodes.InvalidPermissionDuplicate, $"the specified rule \"{Describe(rules[i])}\" already exists");
            }
        }

        if (group.Ingress.Count + rules.Count > 60)
        {
            throw Ec2Errors.Error("RulesPerSecurityGroupLimitExceeded", "The maximum number of rules per security group has been reached.");
        }

        var tags = Ec2Tags.From(request.TagSpecifications, "security-group-rule");
        group.Ingress.AddRange(rules);
        return new AuthorizeSecurityGroupIngressResponse
        {
            Return = true,
            SecurityGroupRules = rules.ConvertAll(r => new SecurityGroupRule
            {
                SecurityGroupRuleId = r.RuleId,
                GroupId = group.GroupId,
                GroupOwnerId = region.Options.AccountId,
                IsEgress = false,
                IpProtocol = r.Protocol,
                FromPort = r.FromPort ?? -1,
                ToPort = r.ToPort ?? -1,
                CidrIpv4 = r.CidrIpv4,
                CidrIpv6 = r.CidrIpv6,
                PrefixListId = r.PrefixListId,
                ReferencedGroupInfo = r.ReferencedGroupId is null ? null : new ReferencedSecurityGroup { GroupId = r.ReferencedGroupId, UserId = region.Options.AccountId },
                Description = r.Description,
                SecurityGroupRuleArn = $"arn:aws:ec2:{region.Options.Region}:{region.Options.AccountId}:security-group-rule/{r.RuleId}",
                Tags = Ec2Tags.ToSdk(tags),
            }),
        };
    }

    /// <summary>
    /// Removes the rules that match. As EC2 does for VPC groups, a rule that does not match any is no
    /// error: it comes back in UnknownIpPermissions and nothing else changes
    /// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RevokeSecurityGroupIngress.html).
    /// </summary>
    public RevokeSecurityGroupIngressResponse RevokeSecurityGroupIngress(RevokeSecurityGroupIngressRequest request)
    {
        var group = ResolveGroup(request.GroupId, request.GroupName);
        if (request.IpPermissions is not { Count: > 0 })
        {
            throw Ec2Errors.Missing("ipPermissions");
        }

        var unknown = new List<IpPermission>();
        var revoked = new List<SecurityGroupRuleRecord>();
        foreach (var permission in request.IpPermissions)
        {
            var rules = Expand(permission, group);
            var matches = rules.ConvertAll(rule => group.Ingress.Find(r => r.SameRuleAs(rule)));
            if (matches.Exists(m => m is null))
            {
                unknown.Add(permission);
                continue;
            }

            revoked.AddRange(matches.OfType<SecurityGroupRuleRecord>());
        }

        group.Ingress.RemoveAll(revoked.Contains);
        return new RevokeSecurityGroupIngressResponse
        {
            Return = true,
            UnknownIpPermissions = unknown.Count == 0 ? null : unknown,
        };
    }

    public DeleteSecurityGroupResponse DeleteSecurityGroup(DeleteSecurityGroupRequest request)
    {
        var group = ResolveGroup(request.GroupId, request.GroupName);
        if (group.GroupName == "default")
        {
            throw Ec2Errors.Error(Ec2Errors.CannotDelete, $"the specified group: \"{group.GroupId}\" name: \"default\" cannot be deleted by a user");
        }

        var inUse = State.Instances.Exists(i => HoldsNetworkInterface(i) && i.SecurityGroupIds.Contains(group.GroupId))
            || State.SecurityGroups.Exists(g => g != group && g.Ingress.Concat(g.Egress).Any(r => r.ReferencedGroupId == group.GroupId));
        if (inUse)
        {
            throw Ec2Errors.Error(Ec2ErrorCodes.DependencyViolation, $"resource {group.GroupId} has a dependent object");
        }

        State.SecurityGroups.Remove(group);
        return new DeleteSecurityGroupResponse { Return = true, GroupId = group.GroupId };
    }

    public SecurityGroupRecord? FindGroup(string groupId) => State.SecurityGroups.Find(g => g.GroupId == groupId);

    private SecurityGroupRecord ResolveGroup(string? groupId, string? groupName)
    {
        if (!string.IsNullOrEmpty(groupId))
        {
            RequireWellFormed(groupId, "sg", Ec2Errors.InvalidGroupIdMalformed);
            return FindGroup(groupId) ?? throw Ec2Errors.GroupNotFound(groupId);
        }

        if (!string.IsNullOrEmpty(groupName))
        {
            throw Ec2Errors.Error(Ec2Errors.VpcIdNotSpecified, "No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.");
        }

        throw Ec2Errors.Missing("groupId");
    }

    private List<SecurityGroupRuleRecord> Expand(IpPermission permission, SecurityGroupRecord group)
    {
        var protocol = NormalizeProtocol(permission.IpProtocol);
        var (from, to) = protocol switch
        {
            "-1" => ((int?)null, (int?)null),
            "tcp" or "udp" => TcpUdpPorts(permission),
            "icmp" or "icmpv6" => (permission.FromPort ?? -1, permission.ToPort ?? -1),
            _ => (permission.FromPort, permission.ToPort),
        };

        var peers = new List<SecurityGroupRuleRecord>();
        var template = new SecurityGroupRuleRecord { RuleId = string.Empty, Protocol = protocol, FromPort = from, ToPort = to };
        foreach (var range in permission.Ipv4Ranges ?? [])
        {
            var cidr = Cidr.Parse(range.CidrIp) ?? throw Ec2Errors.InvalidValue($"CIDR block {range.CidrIp} is malformed");
            peers.Add(template with { CidrIpv4 = cidr.ToString(), Description = range.Description });
        }

        foreach (var range in permission.Ipv6Ranges ?? [])
        {
            if (string.IsNullOrEmpty(range.CidrIpv6) || !range.CidrIpv6.Contains(':', StringComparison.Ordinal) || !range.CidrIpv6.Contains('/', StringComparison.Ordinal))
            {
                throw Ec2Errors.InvalidValue($"CIDR block {range.CidrIpv6} is malformed");
            }

            peers.Add(template with { CidrIpv6 = range.CidrIpv6, Description = range.Description });
        }

        foreach (var pair in permission.UserIdGroupPairs ?? [])
        {
            var peer = !string.IsNullOrEmpty(pair.GroupId)
                ? FindGroup(pair.GroupId) ?? throw Ec2Errors.GroupNotFound(pair.GroupId)
                : State.SecurityGroups.Find(g => g.VpcId == group.VpcId && g.GroupName == pair.GroupName) ?? throw Ec2Errors.GroupNotFound(pair.GroupName ?? string.Empty);
            peers.Add(template with { ReferencedGroupId = peer.GroupId, Description = pair.Description });
        }

        foreach (var prefixList in permission.PrefixListIds ?? [])
        {
            peers.Add(template with { PrefixListId = prefixList.Id, Description = prefixList.Description });
        }

        if (peers.Count == 0)
        {
            throw Ec2Errors.Missing("ipPermissions.ipRanges");
        }

        return peers.ConvertAll(p => p with { RuleId = NewRuleId() });
    }

    private static string NormalizeProtocol(string? protocol)
    {
        var normalized = protocol?.ToLowerInvariant() switch
        {
            "6" => "tcp",
            "17" => "udp",
            "1" => "icmp",
            "58" => "icmpv6",
            var p => p,
        };
        if (normalized is "tcp" or "udp" or "icmp" or "icmpv6" or "-1"
            || (int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 255))
        {
            return normalized!;
        }

        throw Ec2Errors.InvalidValue($"Invalid value '{protocol}' for IP protocol. Unknown protocol.");
    }

    private static (int? From, int? To) TcpUdpPorts(IpPermission permission)
    {
        if (permission.FromPort is not { } from || permission.ToPort is not { } to)
        {
            throw Ec2Errors.InvalidValue("Invalid value 'null' for portRange. Must specify both from and to ports with TCP/UDP.");
        }

        if (from is < 0 or > 65535 || to is < 0 or > 65535 || from > to)
        {
            throw Ec2Errors.InvalidValue($"Invalid value '{from}-{to}' for portRange. Ports must be between 0 and 65535 and from must not exceed to.");
        }

        return (from, to);
    }

    private static string Describe(SecurityGroupRuleRecord rule)
    {
        var peer = rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.ReferencedGroupId ?? rule.PrefixListId;
        return rule.Protocol == "-1"
            ? $"peer: {peer}, ALL, ALLOW"
            : $"peer: {peer}, {rule.Protocol.ToUpperInvariant()}, from port: {rule.FromPort}, to port: {rule.ToPort}, ALLOW";
    }

    private string NewRuleId() => "sgr-" + region.Ids.Hex("sgr", 17);

    private SecurityGroupRuleRecord AllTrafficOut() => new() { RuleId = NewRuleId(), Protocol = "-1", CidrIpv4 = "0.0.0.0/0" };

    private string GroupArn(SecurityGroupRecord group) =>
        $"arn:aws:ec2:{region.Options.Region}:{region.Options.AccountId}:security-group/{group.GroupId}";

    private SecurityGroup ToSdk(SecurityGroupRecord group) => new()
    {
        GroupId = group.GroupId,
        GroupName = group.GroupName,
        Description = group.Description,
        VpcId = group.VpcId,
        OwnerId = region.Options.AccountId,
        SecurityGroupArn = GroupArn(group),
        IpPermissions = NullIfEmpty(ToPermissions(group.Ingress)),
        IpPermissionsEgress = NullIfEmpty(ToPermissions(group.Egress)),
        Tags = Ec2Tags.ToSdk(group.Tags),
    };

    /// <summary>EC2 reports rules grouped by protocol and port range, each with all its peers.</summary>
    private List<IpPermission> ToPermissions(List<SecurityGroupRuleRecord> rules) =>
        rules.GroupBy(r => (r.Protocol, r.FromPort, r.ToPort)).Select(g => new IpPermission
        {
            IpProtocol = g.Key.Protocol,
            FromPort = g.Key.FromPort,
            ToPort = g.Key.ToPort,
            Ipv4Ranges = NullIfEmpty(g.Where(r => r.CidrIpv4 is not null).Select(r => new IpRange { CidrIp = r.CidrIpv4, Description = r.Description }).ToList()),
            Ipv6Ranges = NullIfEmpty(g.Where(r => r.CidrIpv6 is not null).Select(r => new Ipv6Range { CidrIpv6 = r.CidrIpv6, Description = r.Description }).ToList()),
            UserIdGroupPairs = NullIfEmpty(g.Where(r => r.ReferencedGroupId is not null).Select(r => new UserIdGroupPair { GroupId = r.ReferencedGroupId, UserId = region.Options.AccountId, Description = r.Description }).ToList()),
            PrefixListIds = NullIfEmpty(g.Where(r => r.PrefixListId is not null).Select(r => new PrefixListId { Id = r.PrefixListId, Description = r.Description }).ToList()),
        }).ToList();
}
