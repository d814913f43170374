using System.Text;
using Microsoft.Extensions.Time.Testing;
using OutpostServerless.Aws.Client.Signing;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Signing;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Wire;

/// <summary>
/// The server-side SigV4 check, on requests from the AWS SigV4 test suite (credentials
/// AKIDEXAMPLE, 2015-08-30T12:36:00Z, us-east-1, service "service"): their published signatures
/// must verify, and any change to them must not.
/// </summary>
public sealed class SigV4VerifierTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset SignedAt = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string, string?, string, string> Vectors => new()
    {
        // name, method, path?query, content type, body, signature
        { "get-vanilla", "GET", "/", null, "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "get-vanilla-query-order-key-case", "GET", "/?Param2=value2&Param1=value1", null, "host;x-amz-date", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500" },
        { "post-x-www-form-urlencoded", "POST", "/", "application/x-www-form-urlencoded", "content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void A_signature_from_the_aws_test_suite_verifies(string name, string method, string target, string? contentType, string signedHeaders, string signature)
    {
        var verifier = new SigV4Verifier(AccessKey, Secret, new FakeTimeProvider(SignedAt));

        var failure = verifier.Verify(Vector(method, target, contentType, signedHeaders, signature));

        Assert.True(failure is null, $"{name}: {failure?.Message}");
    }

    [Fact]
    public void A_signature_that_differs_by_one_character_is_a_mismatch()
    {
        var verifier = new SigV4Verifier(AccessKey, Secret, new FakeTimeProvider(SignedAt));

        var failure = verifier.Verify(Vector("GET", "/", null, "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf32"));

        Assert.Equal(SignatureFailureKind.Mismatch, failure?.Kind);
        Assert.StartsWith("The request signature we calculated does not match", failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_right_signature_under_another_secret_is_a_mismatch()
    {
        var verifier = new SigV4Verifier(AccessKey, "another-secret", new FakeTimeProvider(SignedAt));

        var failure = verifier.Verify(Vector("GET", "/", null, "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));

        Assert.Equal(SignatureFailureKind.Mismatch, failure?.Kind);
    }

    [Fact]
    public void An_access_key_other_than_the_emulator_s_is_unknown()
    {
        var verifier = new SigV4Verifier("test", Secret, new FakeTimeProvider(SignedAt));

        var failure = verifier.Verify(Vector("GET", "/", null, "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));

        Assert.Equal(SignatureFailureKind.UnknownAccessKey, failure?.Kind);
    }

    [Theory]
    [InlineData(16, "Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)")]
    [InlineData(-16, "Signature not yet current: 20150830T123600Z is still later than 20150830T123500Z (20150830T122000Z + 15 min.)")]
    public void A_request_signed_more_than_15_minutes_from_now_has_expired(int minutesLater, string message)
    {
        var verifier = new SigV4Verifier(AccessKey, Secret, new FakeTimeProvider(SignedAt.AddMinutes(minutesLater)));

        var failure = verifier.Verify(Vector("GET", "/", null, "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));

        Assert.Equal(SignatureFailureKind.Expired, failure?.Kind);
        Assert.Equal(message, failure!.Message);
    }

    [Fact]
    public void A_request_signed_14_minutes_ago_still_verifies()
    {
        var verifier = new SigV4Verifier(AccessKey, Secret, new FakeTimeProvider(SignedAt.AddMinutes(14)));

        Assert.Null(verifier.Verify(Vector("GET", "/", null, "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")));
    }

    [Fact]
    public void A_request_without_an_authorization_header_is_missing_authentication()
    {
        var verifier = new SigV4Verifier(AccessKey, Secret, new FakeTimeProvider(SignedAt));
        var request = Vector("GET", "/", null, "host;x-amz-date", "x") with
        {
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Host"] = "example.amazonaws.com", ["X-Amz-Date"] = "20150830T123600Z" },
        };

        Assert.Equal(SignatureFailureKind.MissingAuthentication, verifier.Verify(request)?.Kind);
    }

    [Fact]
    public void An_authorization_header_without_a_signature_is_incomplete_and_says_so()
    {
        var verifier = new SigV4Verifier(AccessKey, Secret, new FakeTimeProvider(SignedAt));
        var request = Vector("GET", "/", null, "host;x-amz-date", "x");
        request = request with
        {
            Headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase)
            {
                ["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date",
            },
        };

        var failure = verifier.Verify(request);

        Assert.Equal(SignatureFailureKind.Incomplete, failure?.Kind);
        Assert.StartsWith("Authorization header requires 'Signature' parameter.", failure!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/outposts/arn%3Aaws%3Aoutposts%3Aus-west-2%3A123456789012%3Aoutpost%2Fop-1/instanceTypes", "/outposts/arn%253Aaws%253Aoutposts%253Aus-west-2%253A123456789012%253Aoutpost%252Fop-1/instanceTypes")]
    [InlineData("/a/./b/../c", "/a/c")]
    [InlineData("", "/")]
    public void The_canonical_path_is_normalised_and_encoded_again_as_every_service_but_s3_signs_it(string rawPath, string canonical) =>
        Assert.Equal(canonical, SigV4Canonical.Path(rawPath));

    [Fact]
    public void The_canonical_query_is_sorted_and_rfc3986_encoded() =>
        Assert.Equal("A=b%20c&Param1=value1&Param2=value2", SigV4Canonical.Query("Param2=value2&Param1=value1&A=b%20c"));

    private static WireRequest Vector(string method, string target, string? contentType, string signedHeaders, string signature)
    {
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = "example.amazonaws.com",
            ["X-Amz-Date"] = "20150830T123600Z",
            ["Authorization"] = $"AWS4-HMAC-SHA256 Credential={AccessKey}/20150830/us-east-1/service/aws4_request, SignedHeaders={signedHeaders}, Signature={signature}",
        };
        if (contentType is not null)
        {
            headers["Content-Type"] = contentType;
        }

        return new WireRequest
        {
            Method = method,
            RawPath = question < 0 ? target : target[..question],
            RawQuery = question < 0 ? string.Empty : target[(question + 1)..],
            Headers = headers,
            Body = contentType is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes("Param1=value1"),
        };
    }
}
