using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;

namespace OutpostServerless.Aws.Client.Signing;

/// <summary>
/// AWS Signature Version 4 (header signing) for every service but S3: the canonical request with
/// the path encoded a second time, sorted query, lower-cased trimmed headers and the payload hash;
/// the string to sign over the credential scope; the HMAC-SHA256 key chain.
/// </summary>
public sealed class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    // Headers a proxy or the HTTP stack may add or rewrite after signing; the SDKs leave them unsigned.
    private static readonly FrozenSet<string> UnsignedHeaders = new[]
    {
        "authorization", "user-agent", "expect", "x-amzn-trace-id", "content-length", "connection", "transfer-encoding",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static string EmptyPayloadHash { get; } = Hash([]);

    public static string Hash(ReadOnlySpan<byte> payload) => Convert.ToHexStringLower(SHA256.HashData(payload));

    public SigV4Signature Sign(SignableRequest request, ImmutableCredentials credentials, string region, string service, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);

        var utc = at.UtcDateTime;
        var amzDate = utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var token = string.IsNullOrEmpty(credentials.Token) ? null : credentials.Token;

        var headers = CanonicalHeaders(request, amzDate, token);
        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = SigV4Canonical.Request(
            request.Method.ToUpperInvariant(),
            SigV4Canonical.Path(request.Url.AbsolutePath),
            SigV4Canonical.Query(request.Url.Query),
            [.. headers],
            request.PayloadHash);

        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = StringToSign(amzDate, scope, canonicalRequest);
        var signature = Signature(SigningKey(credentials.SecretKey, date, region, service), stringToSign);
        var authorization = $"{Algorithm} Credential={credentials.AccessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new SigV4Signature(canonicalRequest, stringToSign, signedHeaders, signature, authorization, amzDate, token);
    }

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        string.Join('\n', Algorithm, amzDate, scope, Hash(Encoding.UTF8.GetBytes(canonicalRequest)));

    /// <summary>The lower-case hex HMAC-SHA256 of the string to sign under the derived key.</summary>
    public static string Signature(byte[] signingKey, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));

    public static byte[] SigningKey(string secretKey, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

    private static SortedDictionary<string, string> CanonicalHeaders(SignableRequest request, string amzDate, string? token)
    {
        var grouped = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Headers)
        {
            var lower = name.ToLowerInvariant();
            if (UnsignedHeaders.Contains(lower) || lower is "x-amz-date" or "x-amz-security-token")
            {
                continue;
            }

            if (!grouped.TryGetValue(lower, out var values))
            {
                grouped[lower] = values = [];
            }

            values.Add(SigV4Canonical.HeaderValue(value));
        }

        if (!grouped.ContainsKey("host"))
        {
            grouped["host"] = [request.Url.IsDefaultPort ? request.Url.Host : $"{request.Url.Host}:{request.Url.Port}"];
        }

        grouped["x-amz-date"] = [amzDate];
        if (token is not null)
        {
            grouped["x-amz-security-token"] = [token];
        }

        var canonical = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in grouped)
        {
            canonical[name] = string.Join(',', values);
        }

        return canonical;
    }
}
