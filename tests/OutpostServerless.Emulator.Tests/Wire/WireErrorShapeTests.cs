using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using OutpostServerless.Emulator.Wire;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Wire;

/// <summary>Each protocol's error document, status and headers, byte for byte where AWS fixes them.</summary>
public sealed class WireErrorShapeTests : IAsyncLifetime
{
    private static readonly XNamespace Iam = "https://iam.amazonaws.com/doc/2010-05-08/";
    private readonly TestWorld _world = new();
    private EmulatorServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await EmulatorServer.StartAsync(_world.Cloud);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Ec2_answers_an_error_as_Response_Errors_Error_with_its_RequestID()
    {
        var response = await SendAsync(SignedRequests.Form(_server.BaseUrl, "ec2", "Action=DescribeVpcs&Version=2016-11-15&VpcId.1=vpc-0123456789abcdef0"));

        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Response", xml.Root!.Name.LocalName);
        Assert.Equal("InvalidVpcID.NotFound", xml.Root.Element("Errors")!.Element("Error")!.Element("Code")!.Value);
        Assert.Equal("The vpc ID 'vpc-0123456789abcdef0' does not exist", xml.Root.Element("Errors")!.Element("Error")!.Element("Message")!.Value);
        Assert.Equal(response.Headers.GetValues("x-amzn-RequestId").Single(), xml.Root.Element("RequestID")!.Value);
    }

    [Fact]
    public async Task Iam_answers_an_error_as_ErrorResponse_with_type_code_and_the_entity_status()
    {
        var response = await SendAsync(SignedRequests.Form(_server.BaseUrl, "iam", "Action=GetRole&Version=2010-05-08&RoleName=missing"));

        var error = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(Iam + "ErrorResponse", error.Name);
        Assert.Equal("Sender", error.Element(Iam + "Error")!.Element(Iam + "Type")!.Value);
        Assert.Equal("NoSuchEntity", error.Element(Iam + "Error")!.Element(Iam + "Code")!.Value);
        Assert.False(string.IsNullOrEmpty(error.Element(Iam + "RequestId")!.Value));
    }

    [Fact]
    public async Task Iam_wraps_a_result_in_XxxResult_and_ResponseMetadata()
    {
        await _world.EcsInstanceProfileAsync("ecsOutpost");

        var response = await SendAsync(SignedRequests.Form(_server.BaseUrl, "iam", "Action=GetRole&Version=2010-05-08&RoleName=ecsOutpost"));

        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Iam + "GetRoleResponse", root.Name);
        Assert.Equal("ecsOutpost", root.Element(Iam + "GetRoleResult")!.Element(Iam + "Role")!.Element(Iam + "RoleName")!.Value);
        Assert.Equal(Uri.EscapeDataString(TestWorld.Ec2TrustPolicy), root.Element(Iam + "GetRoleResult")!.Element(Iam + "Role")!.Element(Iam + "AssumeRolePolicyDocument")!.Value);
        Assert.NotNull(root.Element(Iam + "ResponseMetadata")!.Element(Iam + "RequestId"));
    }

    [Fact]
    public async Task Ecs_answers_an_error_as_json_type_and_message()
    {
        var response = await SendAsync(SignedRequests.Json(_server.BaseUrl, "ecs", "AmazonEC2ContainerServiceV20141113.DescribeServices", """{"cluster":"missing","services":["web"]}"""));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ClusterNotFoundException", body["__type"]!.GetValue<string>());
        Assert.Equal("Cluster not found.", body["message"]!.GetValue<string>());
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Ecs_answers_a_body_that_is_not_json_with_SerializationException()
    {
        var response = await SendAsync(SignedRequests.Json(_server.BaseUrl, "ecs", "AmazonEC2ContainerServiceV20141113.CreateCluster", """{"clusterName": 42"""));

        Assert.Equal("SerializationException", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["__type"]!.GetValue<string>());
        Assert.Equal(0, _world.Cloud.Calls.Total);
    }

    [Fact]
    public async Task Outposts_answers_not_found_with_404_and_the_error_type_header()
    {
        var response = await SendAsync(SignedRequests.Create(_server.BaseUrl, "outposts", HttpMethod.Get, "/outposts/op-0000000000000000f"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFoundException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["Message"]);
    }

    [Fact]
    public async Task CloudWatch_over_json_names_the_error_shape_and_sends_the_query_code_in_a_header()
    {
        _world.Cloud.InjectFault("cloudwatch:GetMetricData", "InvalidParameterValue", "The parameter StartTime must be before EndTime.");
        const string body = """{"MetricDataQueries":[{"Id":"m","MetricStat":{"Metric":{"Namespace":"AWS/Outposts","MetricName":"ConnectedStatus","Dimensions":[]},"Period":300,"Stat":"Average"}}],"StartTime":1736164800,"EndTime":1736168400}""";

        var response = await SendAsync(SignedRequests.Json(_server.BaseUrl, "monitoring", "GraniteServiceVersion20100801.GetMetricData", body, "1.0"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidParameterValueException", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["__type"]!.GetValue<string>());
        Assert.Equal("InvalidParameterValue;Sender", response.Headers.GetValues("x-amzn-query-error").Single());
    }

    [Fact]
    public async Task Ssm_answers_an_unknown_parameter_with_ParameterNotFound()
    {
        var response = await SendAsync(SignedRequests.Json(_server.BaseUrl, "ssm", "AmazonSSM.GetParameter", """{"Name":"/not/there"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ParameterNotFound", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ec2_rejects_a_bad_signature_with_AuthFailure_401()
    {
        var response = await SendAsync(SignedRequests.Form(_server.BaseUrl, "ec2", "Action=DescribeVpcs&Version=2016-11-15", secretAccessKey: "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("AuthFailure", Ec2Code(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, _world.Cloud.Calls.Total);
    }

    [Fact]
    public async Task Ec2_rejects_a_request_signed_20_minutes_ago_with_RequestExpired()
    {
        var response = await SendAsync(SignedRequests.Form(_server.BaseUrl, "ec2", "Action=DescribeVpcs&Version=2016-11-15", signedAt: DateTimeOffset.UtcNow.AddMinutes(-20)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("RequestExpired", Ec2Code(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Iam_rejects_a_request_signed_20_minutes_ago_with_SignatureDoesNotMatch_signature_expired()
    {
        var response = await SendAsync(SignedRequests.Form(_server.BaseUrl, "iam", "Action=GetRole&Version=2010-05-08&RoleName=r", signedAt: DateTimeOffset.UtcNow.AddMinutes(-20)));

        var error = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element(Iam + "Error")!;
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", error.Element(Iam + "Code")!.Value);
        Assert.StartsWith("Signature expired: ", error.Element(Iam + "Message")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsigned_json_request_is_MissingAuthenticationTokenException()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.BaseUrl) { Content = new StringContent("{}") };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters");

        var response = await SendAsync(request);

        Assert.Equal("MissingAuthenticationTokenException", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Outposts_rejects_a_bad_signature_with_403_InvalidSignatureException()
    {
        var response = await SendAsync(SignedRequests.Create(_server.BaseUrl, "outposts", HttpMethod.Get, "/outposts/op-0123456789abcdef0", secretAccessKey: "wrong"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    private static string Ec2Code(string xml) => XDocument.Parse(xml).Root!.Element("Errors")!.Element("Error")!.Element("Code")!.Value;

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var http = new HttpClient();
            return await http.SendAsync(request);
        }
    }
}
