namespace OutpostServerless.Emulator.Ec2;

/// <summary>A transit gateway with the VPCs attached to it; a route to it from an attached VPC leads on.</summary>
internal sealed class TransitGatewayRecord
{
    public required string TransitGatewayId { get; set; }
    public List<string> AttachedVpcIds { get; set; } = [];
}
