namespace OutpostServerless.Emulator.Outposts;

/// <summary>
/// An Outpost: its hosts' configured slots, the slots other tenants hold (capacity this account
/// cannot use), its service link, changes scheduled for later, and the history of what its
/// CloudWatch metrics read at every instant (the publisher samples it every 5 minutes).
/// </summary>
internal sealed class OutpostRecord
{
    public required string OutpostId { get; set; }
    public required string OutpostArn { get; set; }
    /// <summary>The owning account when another account shares the Outpost with this one; null when it is this account's.</summary>
    public string? SharedByAccountId { get; set; }
    public required string Name { get; set; }
    public required string SiteId { get; set; }
    public required string LifeCycleStatus { get; set; }
    public required string AvailabilityZone { get; set; }
    public required string AvailabilityZoneId { get; set; }
    public required string SupportedHardwareType { get; set; }
    public bool Connected { get; set; }
    public List<HostRecord> Hosts { get; set; } = [];
    public Dictionary<string, int> OtherTenantSlots { get; set; } = [];
    public List<ScheduledChange> Scheduled { get; set; } = [];
    public List<OutpostSample> History { get; set; } = [];
}
