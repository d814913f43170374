namespace OutpostServerless.Emulator.Ec2;

/// <summary>One rule: one protocol/port range and exactly one peer (CIDR, IPv6 CIDR, group or prefix list).</summary>
internal sealed record SecurityGroupRuleRecord
{
    public required string RuleId { get; init; }
    /// <summary>tcp, udp, icmp, icmpv6, -1, or a protocol number.</summary>
    public required string Protocol { get; init; }
    public int? FromPort { get; init; }
    public int? ToPort { get; init; }
    public string? CidrIpv4 { get; init; }
    public string? CidrIpv6 { get; init; }
    public string? ReferencedGroupId { get; init; }
    public string? PrefixListId { get; init; }
    public string? Description { get; init; }

    public bool SameRuleAs(SecurityGroupRuleRecord other) =>
        Protocol == other.Protocol && FromPort == other.FromPort && ToPort == other.ToPort && CidrIpv4 == other.CidrIpv4
        && CidrIpv6 == other.CidrIpv6 && ReferencedGroupId == other.ReferencedGroupId && PrefixListId == other.PrefixListId;
}
