namespace OutpostServerless.Emulator.Ec2;

/// <summary>
/// A VPC route table. Every VPC gets one main table (with only the <c>local</c> route) when it is
/// created; a subnet without an explicit association uses the main table.
/// </summary>
internal sealed class RouteTableRecord
{
    public required string RouteTableId { get; set; }
    public required string VpcId { get; set; }
    public bool Main { get; set; }
    /// <summary>Set for the main table: the association that makes it main.</summary>
    public string? MainAssociationId { get; set; }
    public List<RouteTableAssociationRecord> Associations { get; set; } = [];
    public List<RouteRecord> Routes { get; set; } = [];
    public Dictionary<string, string> Tags { get; set; } = [];
}
