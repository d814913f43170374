namespace OutpostServerless.Aws.Client.Endpoints;

/// <summary>
/// Where a service's requests go and the credential scope they are signed with.
/// <paramref name="IsCustom"/> says the URL came from an override or the environment, not the Region.
/// </summary>
public sealed record ServiceEndpoint(Uri Url, string SigningRegion, string SigningName, bool IsCustom = false);
