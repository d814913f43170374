using OutpostServerless.Aws.Client.Signing;
using OutpostServerless.Emulator.Wire.Http;

namespace OutpostServerless.Emulator.Wire.Signing;

/// <summary>
/// SigV4's canonical request, rebuilt on the server side from the request as received, through the
/// client signer's own canonical forms (<see cref="SigV4Canonical"/>): the raw path normalised and
/// URI-encoded once more, the query re-encoded and sorted, the signed headers trimmed in the order the
/// client listed them, and the payload's SHA-256.
/// </summary>
internal static class CanonicalRequest
{
    public static string Build(WireRequest request, IReadOnlyList<string> signedHeaders) =>
        SigV4Canonical.Request(
            request.Method,
            SigV4Canonical.Path(request.RawPath),
            SigV4Canonical.Query(request.RawQuery),
            [.. signedHeaders.Select(name => KeyValuePair.Create(name, SigV4Canonical.HeaderValue(request.Header(name))))],
            PayloadHash(request));

    /// <summary>The <c>x-amz-content-sha256</c> the client sent, or the hex SHA-256 of the body.</summary>
    public static string PayloadHash(WireRequest request) =>
        request.Header(WireHeaders.ContentSha256) ?? SigV4Signer.Hash(request.Body.Span);
}
