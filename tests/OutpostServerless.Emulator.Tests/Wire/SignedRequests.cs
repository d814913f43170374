using System.Globalization;
using System.Text;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Signing;

namespace OutpostServerless.Emulator.Tests.Wire;

/// <summary>
/// Hand-made SigV4-signed requests for protocol-level tests (the AWS CLI tests sign with botocore;
/// the AWS test-suite vectors in <see cref="SigV4VerifierTests"/> pin the canonicalisation both share).
/// </summary>
internal static class SignedRequests
{
    public static HttpRequestMessage Create(
        Uri baseUrl, string service, HttpMethod method, string pathAndQuery, string? body = null, string? contentType = null,
        IReadOnlyDictionary<string, string>? headers = null, DateTimeOffset? signedAt = null, string accessKeyId = "test", string secretAccessKey = "test")
    {
        var time = (signedAt ?? DateTimeOffset.UtcNow).UtcDateTime;
        var amzDate = time.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["host"] = baseUrl.Authority,
            ["x-amz-date"] = amzDate,
        };
        if (contentType is not null)
        {
            all["content-type"] = contentType;
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            all[name] = value;
        }

        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(body ?? string.Empty);
        var wire = new WireRequest
        {
            Method = method.Method,
            RawPath = question < 0 ? pathAndQuery : pathAndQuery[..question],
            RawQuery = question < 0 ? string.Empty : pathAndQuery[(question + 1)..],
            Headers = all,
            Body = bytes,
        };
        var signed = all.Keys.Select(k => k.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        var scope = new AuthorizationHeader
        {
            AccessKeyId = accessKeyId,
            Date = amzDate[..8],
            Region = "us-west-2",
            Service = service,
            Terminator = "aws4_request",
            SignedHeaders = signed,
            Signature = string.Empty,
        };
        var signature = SigV4Verifier.Signature(secretAccessKey, scope, amzDate, CanonicalRequest.Build(wire, signed));

        var request = new HttpRequestMessage(method, new Uri(baseUrl, pathAndQuery));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        foreach (var (name, value) in all.Where(h => h.Key is not "host" and not "content-type"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"{AuthorizationHeader.Algorithm} Credential={accessKeyId}/{scope.Scope}, SignedHeaders={string.Join(';', signed)}, Signature={signature}");
        return request;
    }

    public static HttpRequestMessage Form(Uri baseUrl, string service, string form, DateTimeOffset? signedAt = null, string secretAccessKey = "test") =>
        Create(baseUrl, service, HttpMethod.Post, "/", form, "application/x-www-form-urlencoded; charset=utf-8", signedAt: signedAt, secretAccessKey: secretAccessKey);

    public static HttpRequestMessage Json(Uri baseUrl, string service, string target, string json, string jsonVersion = "1.1", string secretAccessKey = "test") =>
        Create(baseUrl, service, HttpMethod.Post, "/", json, "application/x-amz-json-" + jsonVersion, new Dictionary<string, string> { ["x-amz-target"] = target }, secretAccessKey: secretAccessKey);
}
