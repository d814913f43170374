namespace OutpostServerless.Local.ApiGateway;

/// <summary>An HTTP request to the local API, as the proxy integration passes it on.</summary>
public sealed record ApiRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Query,
    string? Body);
