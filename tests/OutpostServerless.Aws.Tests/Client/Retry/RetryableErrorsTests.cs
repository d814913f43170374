using System.Net;
using OutpostServerless.Aws.Client.Retry;

namespace OutpostServerless.Aws.Tests.Client.Retry;

public sealed class RetryableErrorsTests
{
    [Theory]
    [InlineData("Throttling")]
    [InlineData("ThrottlingException")]
    [InlineData("ThrottledException")]
    [InlineData("RequestThrottledException")]
    [InlineData("TooManyRequestsException")]
    [InlineData("ProvisionedThroughputExceededException")]
    [InlineData("TransactionInProgressException")]
    [InlineData("RequestLimitExceeded")]
    [InlineData("BandwidthLimitExceeded")]
    [InlineData("LimitExceededException")]
    [InlineData("RequestThrottled")]
    [InlineData("SlowDown")]
    [InlineData("PriorRequestNotComplete")]
    [InlineData("EC2ThrottledException")]
    public void Throttling_codes_are_retried_on_a_400(string code) =>
        Assert.True(RetryableErrors.IsRetryable(code, HttpStatusCode.BadRequest));

    [Theory]
    [InlineData("RequestTimeout")]
    [InlineData("RequestTimeoutException")]
    [InlineData("InternalError")]
    [InlineData("InternalFailure")]
    [InlineData("ServiceUnavailable")]
    public void Transient_codes_are_retried(string code) =>
        Assert.True(RetryableErrors.IsRetryable(code, HttpStatusCode.BadRequest));

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(429)]
    public void Server_failures_and_too_many_requests_are_retried_whatever_the_code(int status) =>
        Assert.True(RetryableErrors.IsRetryable("SomethingElse", (HttpStatusCode)status));

    [Theory]
    [InlineData("ClusterNotFoundException", 400)]
    [InlineData("NoSuchEntity", 404)]
    [InlineData("EntityAlreadyExists", 409)]
    [InlineData("AccessDeniedException", 403)]
    [InlineData("ValidationException", 400)]
    [InlineData("LimitExceeded", 409)]
    [InlineData("501", 501)]
    public void Other_errors_are_not_retried(string code, int status) =>
        Assert.False(RetryableErrors.IsRetryable(code, (HttpStatusCode)status));
}
