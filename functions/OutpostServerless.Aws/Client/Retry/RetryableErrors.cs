using System.Collections.Frozen;
using System.Net;

namespace OutpostServerless.Aws.Client.Retry;

/// <summary>
/// The errors the AWS SDKs' standard retry mode retries: throttling codes, transient codes and
/// the 5xx statuses of an overloaded or restarting front end. Everything else is the caller's
/// mistake or the resource's state, and retrying it would only repeat the answer.
/// </summary>
public static class RetryableErrors
{
    public static readonly FrozenSet<string> ThrottlingCodes = new[]
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> TransientCodes = new[]
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "InternalServerError",
        "InternalServerException", "ServiceUnavailable", "ServiceUnavailableException", "IDPCommunicationError",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<HttpStatusCode> TransientStatuses = new[]
    {
        HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout,
    }.ToFrozenSet();

    public static bool IsThrottling(string? errorCode, HttpStatusCode status) =>
        (errorCode is not null && ThrottlingCodes.Contains(errorCode)) || status == HttpStatusCode.TooManyRequests;

    /// <summary>Whether an error answer (code and status) may succeed when sent again.</summary>
    public static bool IsRetryable(string? errorCode, HttpStatusCode status) =>
        IsThrottling(errorCode, status)
        || (errorCode is not null && TransientCodes.Contains(errorCode))
        || TransientStatuses.Contains(status);
}
