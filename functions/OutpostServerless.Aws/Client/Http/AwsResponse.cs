using System.Net;

namespace OutpostServerless.Aws.Client.Http;

/// <summary>A service's answer: status, headers (case-insensitive names) and the whole body.</summary>
public sealed record AwsResponse(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The request id AWS puts in a header: <c>x-amzn-RequestId</c> (JSON and query services) or <c>x-amz-request-id</c>.</summary>
    public string? HeaderRequestId =>
        Headers.TryGetValue("x-amzn-RequestId", out var id) || Headers.TryGetValue("x-amz-request-id", out id) ? id : null;
}
