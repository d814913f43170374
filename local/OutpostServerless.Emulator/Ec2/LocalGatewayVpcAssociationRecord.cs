namespace OutpostServerless.Emulator.Ec2;

/// <summary>
/// A VPC associated with an Outpost's local gateway route table: what lets a VPC route table send
/// traffic to the local gateway (AWS Outposts user guide, "Local gateway route tables").
/// </summary>
internal sealed class LocalGatewayVpcAssociationRecord
{
    public required string AssociationId { get; set; }
    public required string LocalGatewayRouteTableId { get; set; }
    public required string LocalGatewayId { get; set; }
    public required string VpcId { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];
}
