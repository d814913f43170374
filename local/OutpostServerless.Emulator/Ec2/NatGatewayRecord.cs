namespace OutpostServerless.Emulator.Ec2;

/// <summary>A NAT gateway in a subnet of a VPC; routes to it reach the internet while it exists.</summary>
internal sealed class NatGatewayRecord
{
    public required string NatGatewayId { get; set; }
    public required string VpcId { get; set; }
    public required string SubnetId { get; set; }
}
