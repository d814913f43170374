using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OutpostServerless.Cli.Tests.Differential;

/// <summary>
/// Signs an awsJson1_0 request with Signature Version 4 and dummy credentials. moto does not check the
/// signature, but it routes a request by the service in the credential scope, and a real client sends one.
/// </summary>
internal static class AwsJsonSigner
{
    private const string AccessKey = "AKIDDIFFERENTIALTEST";
    private const string SecretKey = "differential-test-secret";
    private const string Region = "us-east-1";
    private const string Service = "states";

    public static void Sign(HttpRequestMessage request, string body, string target, DateTimeOffset now)
    {
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var host = request.RequestUri!.Authority;
        const string contentType = "application/x-amz-json-1.0";
        const string signedHeaders = "content-type;host;x-amz-date;x-amz-target";
        var canonical = string.Join('\n',
            "POST", "/", string.Empty,
            $"content-type:{contentType}", $"host:{host}", $"x-amz-date:{amzDate}", $"x-amz-target:{target}", string.Empty,
            signedHeaders, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
        var scope = $"{date}/{Region}/{Service}/aws4_request";
        var toSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + SecretKey), date), Region), Service), "aws4_request");
        var signature = Hex(Hmac(key, toSign));

        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={AccessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
