namespace OutpostServerless.Aws.Outposts;

// The Outposts request and response shapes the capacity check uses, member names as in the API.

public sealed record Outpost
{
    public required string OutpostId { get; init; }
    public required string OutpostArn { get; init; }
    public required string OwnerId { get; init; }
    public string? Name { get; init; }
    public string? SiteId { get; init; }
    public required OutpostLifeCycleStatus LifeCycleStatus { get; init; }
    public required string AvailabilityZone { get; init; }
    public required string AvailabilityZoneId { get; init; }
    /// <summary>RACK or SERVER.</summary>
    public string SupportedHardwareType { get; init; } = "RACK";
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}

public sealed record GetOutpostRequest(string OutpostId);

/// <summary>ListOutposts: the Outposts this account owns or that are shared with it, filtered by all given filters.</summary>
public sealed record ListOutpostsRequest
{
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
    public IReadOnlyList<string> LifeCycleStatusFilter { get; init; } = [];
    public IReadOnlyList<string> AvailabilityZoneFilter { get; init; } = [];
    public IReadOnlyList<string> AvailabilityZoneIdFilter { get; init; } = [];
}

public sealed record ListOutpostsResponse(IReadOnlyList<Outpost> Outposts, string? NextToken = null);

public sealed record GetOutpostResponse(Outpost Outpost);

public sealed record InstanceTypeItem(string InstanceType, int? VCPUs = null);

public sealed record GetOutpostInstanceTypesRequest
{
    public required string OutpostId { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record GetOutpostInstanceTypesResponse
{
    public required IReadOnlyList<InstanceTypeItem> InstanceTypes { get; init; }
    public string? NextToken { get; init; }
    public string? OutpostId { get; init; }
    public string? OutpostArn { get; init; }
}

public sealed record InstanceTypeCapacity(string InstanceType, int Count);

public sealed record ComputeAttributes
{
    public string? HostId { get; init; }
    /// <summary>ACTIVE, ISOLATED or RETIRING.</summary>
    public required string State { get; init; }
    public IReadOnlyList<string> InstanceFamilies { get; init; } = [];
    public IReadOnlyList<InstanceTypeCapacity> InstanceTypeCapacities { get; init; } = [];
    public int? MaxVcpus { get; init; }
}

public sealed record AssetInfo
{
    public required string AssetId { get; init; }
    public string? RackId { get; init; }
    /// <summary>COMPUTE (the only type the API returns today).</summary>
    public string AssetType { get; init; } = "COMPUTE";
    public ComputeAttributes? ComputeAttributes { get; init; }
}

public sealed record ListAssetsRequest
{
    public required string OutpostIdentifier { get; init; }
    public IReadOnlyList<string> StatusFilter { get; init; } = [];
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record ListAssetsResponse(IReadOnlyList<AssetInfo> Assets, string? NextToken = null);
