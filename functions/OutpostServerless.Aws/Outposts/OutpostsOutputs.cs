namespace OutpostServerless.Aws.Outposts;

// The Outposts output documents as they arrive: every member optional.

public sealed record OutpostsOutpostOutput(Outpost? Outpost);

public sealed record OutpostsListOutput(IReadOnlyList<Outpost>? Outposts, string? NextToken);

public sealed record OutpostsInstanceTypesOutput(IReadOnlyList<InstanceTypeItem>? InstanceTypes, string? NextToken, string? OutpostId, string? OutpostArn);

public sealed record OutpostsAssetsOutput(IReadOnlyList<AssetInfo>? Assets, string? NextToken);
