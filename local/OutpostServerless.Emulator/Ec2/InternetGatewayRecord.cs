namespace OutpostServerless.Emulator.Ec2;

/// <summary>An internet gateway; attached to at most one VPC (and a VPC has at most one).</summary>
internal sealed class InternetGatewayRecord
{
    public required string InternetGatewayId { get; set; }
    public string? AttachedVpcId { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];
}
