using System.Net;
using System.Text;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Protocols.Query;

namespace OutpostServerless.Aws.Tests.Protocols.Query;

public sealed class QueryErrorParserTests
{
    private static AwsError Parse(string body, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        new QueryErrorParser().Parse(new AwsResponse(status, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void The_iam_error_response_gives_code_message_and_request_id()
    {
        var error = Parse("""
            <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <Error>
                <Type>Sender</Type>
                <Code>NoSuchEntity</Code>
                <Message>The role with name ecsInstanceRole cannot be found.</Message>
              </Error>
              <RequestId>5d9a7c4e-8d7f-11e1-a5e4-9f0cEXAMPLE</RequestId>
            </ErrorResponse>
            """, HttpStatusCode.NotFound);

        Assert.Equal(("NoSuchEntity", "The role with name ecsInstanceRole cannot be found.", "5d9a7c4e-8d7f-11e1-a5e4-9f0cEXAMPLE"), (error.Code, error.Message, error.RequestId));
    }

    [Fact]
    public void The_ec2_style_error_document_reads_the_same_way()
    {
        var error = Parse("""
            <Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>
            """, HttpStatusCode.ServiceUnavailable);

        Assert.Equal(("RequestLimitExceeded", "ea966190-f9aa-478e-9ede-example"), (error.Code, error.RequestId));
    }

    [Fact]
    public void A_body_that_is_not_xml_yields_the_status_as_code()
    {
        var error = Parse("Service Unavailable", HttpStatusCode.ServiceUnavailable);

        Assert.Equal("503", error.Code);
    }
}
