namespace OutpostServerless.Aws.Client.Http;

/// <summary>
/// One operation's HTTP request before it is addressed and signed. <paramref name="Path"/> is
/// already percent-encoded (labels through <see cref="Signing.Rfc3986"/>); query names and values
/// are raw and get encoded when the URL is built.
/// </summary>
public sealed record AwsRequest(
    string Operation,
    HttpMethod Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    string? ContentType);
