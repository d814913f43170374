namespace OutpostServerless.Emulator.Ec2;

/// <summary>An explicit association of a subnet with a route table (a subnet has at most one).</summary>
internal sealed class RouteTableAssociationRecord
{
    public required string AssociationId { get; set; }
    public required string SubnetId { get; set; }
}
