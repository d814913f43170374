namespace OutpostServerless.Emulator.Ec2;

internal sealed class SecurityGroupRecord
{
    public required string GroupId { get; set; }
    public required string GroupName { get; set; }
    public required string Description { get; set; }
    public required string VpcId { get; set; }
    public List<SecurityGroupRuleRecord> Ingress { get; set; } = [];
    public List<SecurityGroupRuleRecord> Egress { get; set; } = [];
    public Dictionary<string, string> Tags { get; set; } = [];
}
