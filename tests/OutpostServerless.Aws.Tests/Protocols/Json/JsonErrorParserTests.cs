using System.Net;
using System.Text;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Protocols.Json;

namespace OutpostServerless.Aws.Tests.Protocols.Json;

public sealed class JsonErrorParserTests
{
    private static AwsError Parse(string body, HttpStatusCode status = HttpStatusCode.BadRequest, params (string Name, string Value)[] headers) =>
        new JsonErrorParser().Parse(new AwsResponse(status, headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase), Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void The_type_and_message_come_from_the_body()
    {
        var error = Parse("""{"__type":"com.amazonaws.ecs#ClusterNotFoundException","message":"Cluster not found."}""");

        Assert.Equal(("ClusterNotFoundException", "Cluster not found."), (error.Code, error.Message));
    }

    [Fact]
    public void The_error_type_header_wins_over_the_body()
    {
        var error = Parse("""{"__type":"Other","Message":"Outpost op-1 not found"}""", HttpStatusCode.NotFound, ("X-Amzn-Errortype", "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.outposts/"));

        Assert.Equal(("NotFoundException", "Outpost op-1 not found"), (error.Code, error.Message));
    }

    [Fact]
    public void A_code_member_is_read_when_there_is_no_type()
    {
        var error = Parse("""{"code":"ParameterNotFound","errorMessage":"no such parameter"}""");

        Assert.Equal(("ParameterNotFound", "no such parameter"), (error.Code, error.Message));
    }

    [Fact]
    public void The_request_id_comes_from_the_header()
    {
        var error = Parse("""{"__type":"ParameterNotFound"}""", HttpStatusCode.BadRequest, ("x-amzn-RequestId", "f5c2b6a0-1111-4bbb-8ccc-123456789abc"));

        Assert.Equal("f5c2b6a0-1111-4bbb-8ccc-123456789abc", error.RequestId);
    }

    [Fact]
    public void A_body_that_is_not_json_yields_the_status_as_code()
    {
        var error = Parse("<html><body>Bad Gateway</body></html>", HttpStatusCode.BadGateway);

        Assert.Equal(("502", string.Empty), (error.Code, error.Message));
    }
}
