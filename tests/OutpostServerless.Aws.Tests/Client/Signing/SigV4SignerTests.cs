using Amazon.Runtime;
using OutpostServerless.Aws.Client.Signing;

namespace OutpostServerless.Aws.Tests.Client.Signing;

/// <summary>
/// The AWS SigV4 test suite (aws-sig-v4-test-suite): credentials AKIDEXAMPLE, 2015-08-30T12:36:00Z,
/// us-east-1, service "service". Expected canonical requests, string-to-sign hashes and signatures
/// are the suite's published ones.
/// </summary>
public sealed class SigV4SignerTests
{
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);
    private static readonly ImmutableCredentials SuiteCredentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static SigV4Signature Sign(string method, string url, string body = "", ImmutableCredentials? credentials = null, params (string Name, string Value)[] headers)
    {
        var request = new SignableRequest(
            method,
            new Uri(url),
            [new("Host", "example.amazonaws.com"), .. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))],
            SigV4Signer.Hash(System.Text.Encoding.UTF8.GetBytes(body)));
        return new SigV4Signer().Sign(request, credentials ?? SuiteCredentials, "us-east-1", "service", SuiteTime);
    }

    [Fact]
    public void Get_vanilla_matches_the_suite()
    {
        var signature = Sign("GET", "https://example.amazonaws.com/");

        Assert.Equal($"GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}", signature.CanonicalRequest);
        Assert.Equal("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63", signature.StringToSign);
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            signature.Authorization);
    }

    [Fact]
    public void Get_vanilla_query_order_key_case_sorts_the_query()
    {
        var signature = Sign("GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1");

        Assert.Equal($"GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}", signature.CanonicalRequest);
        Assert.EndsWith("816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0", signature.StringToSign, StringComparison.Ordinal);
        Assert.Equal("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", signature.Signature);
    }

    [Fact]
    public void Post_vanilla_query_signs_the_query_of_a_post()
    {
        var signature = Sign("POST", "https://example.amazonaws.com/?Param1=value1");

        Assert.Equal($"POST\n/\nParam1=value1\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}", signature.CanonicalRequest);
        Assert.EndsWith("9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd", signature.StringToSign, StringComparison.Ordinal);
        Assert.Equal("28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11", signature.Signature);
    }

    [Fact]
    public void Post_x_www_form_urlencoded_signs_the_content_type_and_the_body_hash()
    {
        var signature = Sign("POST", "https://example.amazonaws.com/", "Param1=value1", null, ("Content-Type", "application/x-www-form-urlencoded"));

        Assert.Equal(
            "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
            signature.CanonicalRequest);
        Assert.EndsWith("42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281", signature.StringToSign, StringComparison.Ordinal);
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
            signature.Authorization);
    }

    [Fact]
    public void Get_vanilla_with_session_token_signs_and_sends_the_token()
    {
        const string token = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";
        var signature = Sign("GET", "https://example.amazonaws.com/", credentials: new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token));

        Assert.Equal("host;x-amz-date;x-amz-security-token", signature.SignedHeaders);
        Assert.Equal("07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8", signature.Signature);
        Assert.Contains(new KeyValuePair<string, string>("X-Amz-Security-Token", token), signature.Headers);
    }

    [Fact]
    public void The_headers_to_send_carry_the_date_and_the_authorization()
    {
        var signature = Sign("GET", "https://example.amazonaws.com/");

        Assert.Equal(
            [new("X-Amz-Date", "20150830T123600Z"), new("Authorization", signature.Authorization)],
            signature.Headers);
    }

    [Fact]
    public void A_percent_encoded_path_is_encoded_once_more_as_sigv4_requires_outside_s3()
    {
        var signature = Sign("GET", "https://example.amazonaws.com/outposts/arn%3Aaws%3Aoutposts%3Aus-west-2%3A123456789012%3Aoutpost%2Fop-1/instanceTypes");

        Assert.StartsWith("GET\n/outposts/arn%253Aaws%253Aoutposts%253Aus-west-2%253A123456789012%253Aoutpost%252Fop-1/instanceTypes\n", signature.CanonicalRequest, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_default_port_is_part_of_the_signed_host()
    {
        var request = new SignableRequest("GET", new Uri("http://127.0.0.1:4566/"), [], SigV4Signer.EmptyPayloadHash);

        var signature = new SigV4Signer().Sign(request, SuiteCredentials, "us-east-1", "service", SuiteTime);

        Assert.Contains("\nhost:127.0.0.1:4566\n", signature.CanonicalRequest, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signing_key_is_the_documented_derivation()
    {
        // AWS's documented example: the IAM key for 20150830/us-east-1.
        var key = SigV4Signer.SigningKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", "us-east-1", "iam");

        Assert.Equal("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9", Convert.ToHexStringLower(key));
    }
}
