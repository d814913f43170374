namespace OutpostServerless.Emulator.Outposts;

/// <summary>One host (asset) and its configured slots per instance type.</summary>
internal sealed class HostRecord
{
    public required string AssetId { get; set; }
    public required string HostId { get; set; }
    public required string RackId { get; set; }
    /// <summary>ACTIVE, ISOLATED or RETIRING; only ACTIVE hosts give capacity.</summary>
    public string State { get; set; } = "ACTIVE";
    public Dictionary<string, int> Capacities { get; set; } = [];
}
