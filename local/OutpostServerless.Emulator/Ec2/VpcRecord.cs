namespace OutpostServerless.Emulator.Ec2;

internal sealed class VpcRecord
{
    public required string VpcId { get; set; }
    public required string CidrBlock { get; set; }
    public required string CidrAssociationId { get; set; }
    public required string DhcpOptionsId { get; set; }
    public string InstanceTenancy { get; set; } = "default";
    public Dictionary<string, string> Tags { get; set; } = [];
}
