using Amazon.EC2.Model;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Maps planned ingress rules to EC2 IpPermissions and tells which are already on a group, as EC2
/// reports them: ports are meaningless for protocol -1, and IPv6 CIDRs live in Ipv6Ranges.
/// </summary>
public static class IngressPermissions
{
    public static bool IsIpv6(IngressRulePlan rule) => rule.Cidr.Contains(':', StringComparison.Ordinal);

    public static IpPermission ToIpPermission(IngressRulePlan rule)
    {
        var permission = new IpPermission { IpProtocol = rule.Protocol };
        if (rule.Protocol != "-1")
        {
            permission.FromPort = rule.FromPort;
            permission.ToPort = rule.ToPort;
        }
        if (IsIpv6(rule))
        {
            permission.Ipv6Ranges = [new Ipv6Range { CidrIpv6 = rule.Cidr, Description = rule.Description }];
        }
        else
        {
            permission.Ipv4Ranges = [new IpRange { CidrIp = rule.Cidr, Description = rule.Description }];
        }
        return permission;
    }

    /// <summary>A group's permissions as one rule per CIDR, in the plan's form (descriptions kept).</summary>
    public static IReadOnlyList<IngressRulePlan> RulesOf(IEnumerable<IpPermission>? permissions) =>
        [.. (permissions ?? []).SelectMany(p =>
        {
            var protocol = NormalizeProtocol(p.IpProtocol) ?? "-1";
            var (from, to) = protocol == "-1" ? (-1, -1) : (p.FromPort ?? -1, p.ToPort ?? -1);
            return (p.Ipv4Ranges ?? []).Select(r => new IngressRulePlan(protocol, from, to, r.CidrIp, r.Description))
                .Concat((p.Ipv6Ranges ?? []).Select(r => new IngressRulePlan(protocol, from, to, r.CidrIpv6, r.Description)));
        })];

    /// <summary>True when both rules allow the same traffic (descriptions aside).</summary>
    public static bool SameTraffic(IngressRulePlan a, IngressRulePlan b) =>
        string.Equals(NormalizeProtocol(a.Protocol), NormalizeProtocol(b.Protocol), StringComparison.OrdinalIgnoreCase)
        && (a.Protocol == "-1" || (a.FromPort == b.FromPort && a.ToPort == b.ToPort))
        && a.Cidr == b.Cidr;

    /// <summary>True when some permission of the group already allows exactly this rule.</summary>
    public static bool IsGranted(IngressRulePlan rule, IEnumerable<IpPermission>? existing) =>
        existing?.Any(p => Covers(p, rule)) ?? false;

    private static bool Covers(IpPermission permission, IngressRulePlan rule)
    {
        if (!string.Equals(NormalizeProtocol(permission.IpProtocol), NormalizeProtocol(rule.Protocol), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (rule.Protocol != "-1" && (permission.FromPort != rule.FromPort || permission.ToPort != rule.ToPort))
        {
            return false;
        }
        return IsIpv6(rule)
            ? permission.Ipv6Ranges?.Any(r => r.CidrIpv6 == rule.Cidr) ?? false
            : permission.Ipv4Ranges?.Any(r => r.CidrIp == rule.Cidr) ?? false;
    }

    // EC2 accepts protocol numbers too and reports tcp/udp/icmp by name.
    private static string? NormalizeProtocol(string? protocol) => protocol switch
    {
        "6" => "tcp",
        "17" => "udp",
        "1" => "icmp",
        _ => protocol,
    };
}
