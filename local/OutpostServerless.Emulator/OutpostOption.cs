namespace OutpostServerless.Emulator;

/// <summary>An Outpost as AWS Outposts describes it, with the hosts (assets) that give it capacity.</summary>
public sealed record OutpostOption
{
    public required string OutpostId { get; init; }
    public string Name { get; init; } = "outpost";
    public string SiteId { get; init; } = "os-0123456789abcdef0";
    public string LifeCycleStatus { get; init; } = "ACTIVE";
    public required string AvailabilityZone { get; init; }
    public required string AvailabilityZoneId { get; init; }
    public string SupportedHardwareType { get; init; } = "RACK";
    public bool Connected { get; init; } = true;
    public required IReadOnlyList<OutpostHostOption> Hosts { get; init; }
    /// <summary>
    /// The account that owns the Outpost, when another account shares it with this one through AWS RAM (null:
    /// this account owns it). A consumer sees the Outpost (GetOutpost, ListOutposts, GetOutpostInstanceTypes)
    /// and launches on it, but its AWS/Outposts CloudWatch metrics exist only in the owner's account
    /// (Outposts user guide, "Working with shared AWS Outposts resources").
    /// </summary>
    public string? OwnerAccountId { get; init; }
    /// <summary>The rack's local gateway (racks have one; servers have none).</summary>
    public LocalGatewayOption? LocalGateway { get; init; }

    /// <summary>The default world's rack: two hosts, each slotted for five instance types.</summary>
    public static OutpostOption DefaultRack { get; } = new()
    {
        OutpostId = "op-0123456789abcdef0",
        Name = "outpost-rack-1",
        AvailabilityZone = "us-west-2a",
        AvailabilityZoneId = "usw2-az1",
        LocalGateway = LocalGatewayOption.Default,
        Hosts =
        [
            new("a1b2c3d4e5f6a7b8c9", "h-0a1b2c3d4e5f60001", "NA1234567890", DefaultSlots()),
            new("a1b2c3d4e5f6a7b8d0", "h-0a1b2c3d4e5f60002", "NA1234567890", DefaultSlots()),
        ],
    };

    private static System.Collections.ObjectModel.ReadOnlyDictionary<string, int> DefaultSlots() => new Dictionary<string, int>
    {
        ["c5.large"] = 8,
        ["c5.xlarge"] = 4,
        ["m5.large"] = 8,
        ["m5.xlarge"] = 4,
        ["r5.large"] = 4,
    }.AsReadOnly();
}

/// <summary>One host of an Outpost and the slots it is configured with, per instance type.</summary>
public sealed record OutpostHostOption(string AssetId, string HostId, string RackId, IReadOnlyDictionary<string, int> InstanceTypeCapacities);
