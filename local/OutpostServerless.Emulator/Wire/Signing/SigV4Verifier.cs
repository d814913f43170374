using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OutpostServerless.Aws.Client.Signing;
using OutpostServerless.Emulator.Wire.Http;

namespace OutpostServerless.Emulator.Wire.Signing;

/// <summary>
/// Checks a request's Signature Version 4 the way AWS does: the header is complete, the access key
/// is known, the request was signed within 15 minutes of now (real time: clients sign with the
/// wall clock, whatever the world's virtual clock says), and the signature recomputed from the
/// request as received matches. Any Region is accepted.
/// </summary>
internal sealed class SigV4Verifier(string accessKeyId, string secretAccessKey, TimeProvider clock)
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

    private const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>Null when the signature holds; otherwise why not.</summary>
    public SignatureFailure? Verify(WireRequest request)
    {
        var header = request.Header(WireHeaders.Authorization);
        if (string.IsNullOrWhiteSpace(header))
        {
            return new SignatureFailure(SignatureFailureKind.MissingAuthentication, "Request is missing Authentication Token");
        }

        var (authorization, malformed) = AuthorizationHeader.Parse(header);
        if (authorization is null)
        {
            return malformed;
        }

        if (!authorization.SignedHeaders.Contains("host", StringComparer.Ordinal))
        {
            return new SignatureFailure(SignatureFailureKind.Incomplete, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        var amzDate = request.Header(WireHeaders.AmzDate);
        if (amzDate is null)
        {
            return new SignatureFailure(SignatureFailureKind.Incomplete, $"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization={header}");
        }

        if (!DateTimeOffset.TryParseExact(amzDate, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt))
        {
            return new SignatureFailure(SignatureFailureKind.Incomplete, $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601");
        }

        if (!string.Equals(authorization.AccessKeyId, accessKeyId, StringComparison.Ordinal))
        {
            return new SignatureFailure(SignatureFailureKind.UnknownAccessKey, "The security token included in the request is invalid.");
        }

        var now = clock.GetUtcNow();
        if (signedAt < now - MaxSkew)
        {
            return new SignatureFailure(SignatureFailureKind.Expired, $"Signature expired: {amzDate} is now earlier than {Format(now - MaxSkew)} ({Format(now)} - 15 min.)");
        }

        if (signedAt > now + MaxSkew)
        {
            return new SignatureFailure(SignatureFailureKind.Expired, $"Signature not yet current: {amzDate} is still later than {Format(now + MaxSkew)} ({Format(now)} + 15 min.)");
        }

        if (!string.Equals(authorization.Date, amzDate[..8], StringComparison.Ordinal))
        {
            return new SignatureFailure(SignatureFailureKind.Mismatch, $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{authorization.Date}' != '{amzDate[..8]}', from '{amzDate}'.");
        }

        var canonicalRequest = CanonicalRequest.Build(request, authorization.SignedHeaders);
        var expected = Signature(secretAccessKey, authorization, amzDate, canonicalRequest);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature)))
        {
            return new SignatureFailure(
                SignatureFailureKind.Mismatch,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }

        var declaredHash = request.Header(WireHeaders.ContentSha256);
        if (declaredHash is not null && declaredHash != "UNSIGNED-PAYLOAD" && declaredHash != SigV4Signer.Hash(request.Body.Span))
        {
            return new SignatureFailure(SignatureFailureKind.Mismatch, "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        return null;
    }

    /// <summary>The hex signature of <paramref name="canonicalRequest"/> under the header's scope, computed as the client's signer does.</summary>
    public static string Signature(string secretAccessKey, AuthorizationHeader scope, string amzDate, string canonicalRequest) =>
        SigV4Signer.Signature(
            SigV4Signer.SigningKey(secretAccessKey, scope.Date, scope.Region, scope.Service),
            SigV4Signer.StringToSign(amzDate, scope.Scope, canonicalRequest));

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);
}
