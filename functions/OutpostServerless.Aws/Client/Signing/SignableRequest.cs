namespace OutpostServerless.Aws.Client.Signing;

/// <summary>
/// A request as SigV4 sees it. <paramref name="Url"/> carries the path and query exactly as they
/// go on the wire (already percent-encoded); <paramref name="PayloadHash"/> is the lower-case hex
/// SHA-256 of the body.
/// </summary>
public sealed record SignableRequest(string Method, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers, string PayloadHash);
