using System.Net;
using Amazon.EC2;
using Amazon.Runtime;
using OutpostServerless.Functions.Errors;
using Xunit;

namespace OutpostServerless.Functions.Tests.Errors;

/// <summary>The errorType a failure reaches Step Functions with: the name the state machine's retriers match.</summary>
public sealed class FunctionErrorTests
{
    public static TheoryData<Exception> TransportFailures() =>
    [
        new HttpRequestException("An error occurred while sending the request."),
        new IOException("Unable to read data from the transport connection: Connection reset by peer."),
        new AmazonEC2Exception("A WebException with status ConnectionClosed was thrown.", new HttpRequestException("Connection reset by peer")),
    ];

    [Theory]
    [MemberData(nameof(TransportFailures))]
    public void An_EC2_call_that_gets_no_answer_is_reported_as_AwsTransportException_which_every_step_retries(Exception failure)
    {
        Assert.Equal("AwsTransportException", FunctionError.From(failure).ErrorType);
    }

    [Fact]
    public void An_EC2_error_answer_keeps_its_code()
    {
        var answer = new AmazonEC2Exception("Request limit exceeded.", ErrorType.Receiver, "RequestLimitExceeded", "r-1", HttpStatusCode.ServiceUnavailable);

        Assert.Equal("RequestLimitExceeded", FunctionError.From(answer).ErrorType);
    }
}
