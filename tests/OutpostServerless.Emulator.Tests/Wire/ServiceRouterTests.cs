using System.Text;
using OutpostServerless.Emulator.CloudWatch;
using OutpostServerless.Emulator.Ec2;
using OutpostServerless.Emulator.Ecs;
using OutpostServerless.Emulator.Iam;
using OutpostServerless.Emulator.Outposts;
using OutpostServerless.Emulator.Ssm;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;
using OutpostServerless.Emulator.Wire.Routing;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Wire;

/// <summary>One endpoint, seven front-ends: the credential scope, target, action version or path picks one.</summary>
public sealed class ServiceRouterTests
{
    private const string Form = "application/x-www-form-urlencoded; charset=utf-8";
    private readonly ServiceRouter _router;

    public ServiceRouterTests()
    {
        var ports = new TestWorld().Aws;
        _router = new ServiceRouter(
        [
            new Ec2QueryFrontEnd(ports.Ec2),
            new EcsJsonFrontEnd(ports.Ecs),
            new IamQueryFrontEnd(ports.Iam),
            new OutpostsRestJsonFrontEnd(ports.Outposts),
            new CloudWatchJsonFrontEnd(ports.CloudWatch),
            new CloudWatchQueryFrontEnd(ports.CloudWatch),
            new SsmJsonFrontEnd(ports.Ssm, "us-west-2", "123456789012"),
        ]);
    }

    [Theory]
    [InlineData(null, "Action=DescribeVpcs&Version=2016-11-15", null, "/", typeof(Ec2QueryFrontEnd))]
    [InlineData(null, "Action=CreateRole&Version=2010-05-08", null, "/", typeof(IamQueryFrontEnd))]
    [InlineData(null, "Action=GetMetricData&Version=2010-08-01", null, "/", typeof(CloudWatchQueryFrontEnd))]
    [InlineData(null, "{}", "AmazonEC2ContainerServiceV20141113.CreateCluster", "/", typeof(EcsJsonFrontEnd))]
    [InlineData(null, "{}", "AmazonSSM.GetParameter", "/", typeof(SsmJsonFrontEnd))]
    [InlineData(null, "{}", "GraniteServiceVersion20100801.GetMetricData", "/", typeof(CloudWatchJsonFrontEnd))]
    [InlineData(null, "", null, "/outposts/op-0123456789abcdef0/instanceTypes", typeof(OutpostsRestJsonFrontEnd))]
    [InlineData("monitoring", "{}", "GraniteServiceVersion20100801.GetMetricData", "/", typeof(CloudWatchJsonFrontEnd))]
    [InlineData("monitoring", "Action=GetMetricData&Version=2010-08-01", null, "/", typeof(CloudWatchQueryFrontEnd))]
    // Signed for EC2 but shaped like IAM: the scope wins, so the caller gets EC2's own error.
    [InlineData("ec2", "Action=CreateRole&Version=2010-05-08", null, "/", typeof(Ec2QueryFrontEnd))]
    public void A_request_reaches_the_front_end_its_scope_and_shape_name(string? scopeService, string body, string? target, string path, Type expected)
    {
        var frontEnd = _router.Route(Request(scopeService, body, target, path));

        Assert.IsType(expected, frontEnd);
    }

    [Fact]
    public void An_unsigned_request_no_front_end_recognises_is_not_routed() =>
        Assert.Null(_router.Route(Request(null, "Action=GetCallerIdentity&Version=2011-06-15", null, "/")));

    private static WireRequest Request(string? scopeService, string body, string? target, string path)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Host"] = "127.0.0.1" };
        headers["Content-Type"] = body.StartsWith('{') ? "application/x-amz-json-1.1" : Form;
        if (target is not null)
        {
            headers[WireHeaders.Target] = target;
        }

        if (scopeService is not null)
        {
            headers[WireHeaders.Authorization] = $"AWS4-HMAC-SHA256 Credential=test/20250106/us-west-2/{scopeService}/aws4_request, SignedHeaders=host, Signature=00";
        }

        return new WireRequest { Method = path == "/" ? "POST" : "GET", RawPath = path, Headers = headers, Body = Encoding.UTF8.GetBytes(body) };
    }
}
