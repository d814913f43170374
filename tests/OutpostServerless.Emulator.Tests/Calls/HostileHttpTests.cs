using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CsCheck;
using OutpostServerless.Emulator.Tests.Wire;
using OutpostServerless.Emulator.Wire;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Calls;

/// <summary>
/// The emulator's HTTP front door under hostile requests (malformed bodies, wrong content types,
/// missing, forged or garbled signatures, skewed clocks, unknown operations): every answer is a 4xx
/// in the service's own error shape, nothing reaches the world, and the server keeps serving.
/// </summary>
public sealed class HostileHttpTests : IAsyncLifetime
{
    private readonly TestWorld _world = new();
    // One client for the whole suite, as HttpClient is meant to be used.
    private static readonly HttpClient Http = new();
    private EmulatorServer _server = null!;

    private enum Service { Ec2, Iam, Ecs, Ssm, CloudWatch, Outposts }

    private enum Attack { MalformedBody, WrongContentType, Unsigned, ForgedSignature, GarbledAuthorization, SkewedClock, UnknownOperation }

    public async ValueTask InitializeAsync() => _server = await EmulatorServer.StartAsync(_world.Cloud);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_hostile_request_gets_an_AWS_shaped_4xx_and_changes_nothing()
    {
        var hostile = Gen.Select(Gen.Enum<Service>(), Gen.Enum<Attack>(), Gen.Int[0, 1_000_000], Gen.String[Gen.Char, 0, 300]);

        await hostile.SampleAsync(async (service, attack, number, junk) =>
        {
            using var request = Build(service, attack, number, junk);

            using var response = await Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{service} {attack}: {(int)response.StatusCode} {body}");
            Assert.False(string.IsNullOrEmpty(ErrorCode(response, body)), $"{service} {attack}: no AWS error code in {body}");
        }, iter: 400);

        Assert.DoesNotContain(_world.Cloud.Calls.All, call => call.IsMutating && call.TookEffect);
    }

    [Fact]
    public async Task After_a_barrage_of_hostile_requests_the_server_still_answers_a_good_one()
    {
        await Gen.Select(Gen.Enum<Service>(), Gen.Enum<Attack>(), Gen.Int[0, 1_000_000], Gen.String[Gen.Char, 0, 300])
            .SampleAsync(async (service, attack, number, junk) =>
            {
                using var request = Build(service, attack, number, junk);
                using var response = await Http.SendAsync(request);
            }, iter: 100);

        using var good = SignedRequests.Form(_server.BaseUrl, "ec2", "Action=DescribeVpcs&Version=2016-11-15");
        using var answer = await Http.SendAsync(good);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("DescribeVpcsResponse", XDocument.Parse(await answer.Content.ReadAsStringAsync()).Root!.Name.LocalName);
    }

    [Fact]
    public async Task A_megabyte_of_junk_is_refused_and_the_server_keeps_serving()
    {
        using var junk = SignedRequests.Json(_server.BaseUrl, "ecs", "AmazonEC2ContainerServiceV20141113.CreateCluster", new string('{', 1 << 20));

        using var response = await Http.SendAsync(junk);
        using var good = await Http.SendAsync(SignedRequests.Json(_server.BaseUrl, "ecs", "AmazonEC2ContainerServiceV20141113.DescribeClusters", """{"clusters":["c"]}"""));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    private HttpRequestMessage Build(Service service, Attack attack, int number, string junk)
    {
        var url = _server.BaseUrl;
        var skew = TimeSpan.FromMinutes(16 + (number % 2880)) * (number % 2 == 0 ? 1 : -1);
        return (service, attack) switch
        {
            (_, Attack.Unsigned) => Unsigned(service),
            (_, Attack.GarbledAuthorization) => WithAuthorization(Good(service), junk.Length == 0 ? "AWS4-HMAC-SHA256" : junk),
            (_, Attack.ForgedSignature) => Good(service, secret: "not-the-secret-" + number),
            (_, Attack.SkewedClock) => Good(service, signedAt: DateTimeOffset.UtcNow + skew),
            (Service.Ec2, Attack.MalformedBody) => SignedRequests.Form(url, "ec2", $"Action=RunInstances&Version=2016-11-15&MinCount={Uri.EscapeDataString(junk)}x&MaxCount=%ZZ"),
            (Service.Iam, Attack.MalformedBody) => SignedRequests.Form(url, "iam", $"Action=CreateRole&Version=2010-05-08&RoleName=r{number}&AssumeRolePolicyDocument={Uri.EscapeDataString("{" + junk)}"),
            (Service.Ecs, Attack.MalformedBody) => SignedRequests.Json(url, "ecs", "AmazonEC2ContainerServiceV20141113.CreateCluster", "{\"clusterName\": " + JsonSerializer.Serialize(junk) + ","),
            (Service.Ssm, Attack.MalformedBody) => SignedRequests.Json(url, "ssm", "AmazonSSM.GetParameter", "[" + JsonSerializer.Serialize(junk)),
            (Service.CloudWatch, Attack.MalformedBody) => SignedRequests.Json(url, "monitoring", "GraniteServiceVersion20100801.GetMetricData", "{\"MetricDataQueries\": " + number, "1.0"),
            (Service.Outposts, Attack.MalformedBody) => SignedRequests.Create(url, "outposts", HttpMethod.Get, $"/outposts/not-an-outpost-{number}/instanceTypes?MaxResults=-{number}"),
            (Service.Ec2, Attack.WrongContentType) => SignedRequests.Create(url, "ec2", HttpMethod.Post, "/", """{"Action":"DescribeVpcs"}""", "application/json"),
            (Service.Iam, Attack.WrongContentType) => SignedRequests.Create(url, "iam", HttpMethod.Post, "/", "<GetRole><RoleName>r</RoleName></GetRole>", "application/xml"),
            (Service.Ecs, Attack.WrongContentType) => SignedRequests.Create(url, "ecs", HttpMethod.Post, "/", "clusterName=c", "application/x-www-form-urlencoded",
                new Dictionary<string, string> { ["x-amz-target"] = "AmazonEC2ContainerServiceV20141113.CreateCluster" }),
            (Service.Ssm, Attack.WrongContentType) => SignedRequests.Create(url, "ssm", HttpMethod.Post, "/", "Name=/a", "text/plain",
                new Dictionary<string, string> { ["x-amz-target"] = "AmazonSSM.GetParameter" }),
            (Service.CloudWatch, Attack.WrongContentType) => SignedRequests.Create(url, "monitoring", HttpMethod.Post, "/", junk + "\u0000", "application/octet-stream"),
            (Service.Outposts, Attack.WrongContentType) => SignedRequests.Create(url, "outposts", HttpMethod.Post, "/outposts/op-0123456789abcdef0/instanceTypes", "Name=x", "text/plain"),
            (Service.Ec2, Attack.UnknownOperation) => SignedRequests.Form(url, "ec2", $"Action=Launch{number}Rockets&Version=2016-11-15"),
            (Service.Iam, Attack.UnknownOperation) => SignedRequests.Form(url, "iam", $"Action=Become{number}Root&Version=2010-05-08"),
            (Service.Ecs, Attack.UnknownOperation) => SignedRequests.Json(url, "ecs", $"AmazonEC2ContainerServiceV20141113.Nuke{number}", "{}"),
            (Service.Ssm, Attack.UnknownOperation) => SignedRequests.Json(url, "ssm", $"AmazonSSM.Leak{number}", "{}"),
            (Service.CloudWatch, Attack.UnknownOperation) => SignedRequests.Json(url, "monitoring", $"GraniteServiceVersion20100801.Forge{number}", "{}", "1.0"),
            _ => SignedRequests.Create(url, "outposts", HttpMethod.Delete, $"/not-a-route/{number}"),
        };
    }

    private HttpRequestMessage Good(Service service, string secret = "test", DateTimeOffset? signedAt = null) => service switch
    {
        Service.Ec2 => SignedRequests.Form(_server.BaseUrl, "ec2", "Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16", signedAt, secret),
        Service.Iam => SignedRequests.Form(_server.BaseUrl, "iam", "Action=DeleteRole&Version=2010-05-08&RoleName=r", signedAt, secret),
        Service.Ecs => SignedRequests.Create(_server.BaseUrl, "ecs", HttpMethod.Post, "/", """{"clusterName":"c"}""", "application/x-amz-json-1.1",
            new Dictionary<string, string> { ["x-amz-target"] = "AmazonEC2ContainerServiceV20141113.CreateCluster" }, signedAt, secretAccessKey: secret),
        Service.Ssm => SignedRequests.Create(_server.BaseUrl, "ssm", HttpMethod.Post, "/", """{"Name":"/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"}""", "application/x-amz-json-1.1",
            new Dictionary<string, string> { ["x-amz-target"] = "AmazonSSM.GetParameter" }, signedAt, secretAccessKey: secret),
        Service.CloudWatch => SignedRequests.Form(_server.BaseUrl, "monitoring", "Action=ListMetrics&Version=2010-08-01", signedAt, secret),
        _ => SignedRequests.Create(_server.BaseUrl, "outposts", HttpMethod.Get, "/outposts/op-0123456789abcdef0", signedAt: signedAt, secretAccessKey: secret),
    };

    private HttpRequestMessage Unsigned(Service service)
    {
        var request = Good(service);
        request.Headers.Remove("Authorization");
        return request;
    }

    private static HttpRequestMessage WithAuthorization(HttpRequestMessage request, string authorization)
    {
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    /// <summary>The AWS error code, wherever the service's protocol puts it.</summary>
    private static string? ErrorCode(HttpResponseMessage response, string body)
    {
        if (response.Headers.TryGetValues("x-amzn-ErrorType", out var types))
        {
            return types.First();
        }

        if (body.TrimStart().StartsWith('{'))
        {
            return JsonNode.Parse(body)?["__type"]?.GetValue<string>();
        }

        return body.TrimStart().StartsWith('<')
            ? XDocument.Parse(body).Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value
            : null;
    }
}
