using System.Net;
using Amazon.Runtime;

namespace OutpostServerless.Aws.Errors;

/// <summary>
/// An error returned by an AWS service whose SDK package is not served here (ECS, IAM, Outposts,
/// CloudWatch, SSM). It derives from the SDK's own <see cref="AmazonServiceException"/>, as
/// <c>AmazonEC2Exception</c> does, so callers match every service's errors the same way: by
/// <see cref="AmazonServiceException.ErrorCode"/>, the code AWS puts on the wire.
/// </summary>
public class AwsServiceError : AmazonServiceException
{
    public AwsServiceError(string service, string errorCode, string message, HttpStatusCode statusCode = HttpStatusCode.BadRequest, string? requestId = null)
        : base(message, null, statusCode >= HttpStatusCode.InternalServerError ? ErrorType.Receiver : ErrorType.Sender, errorCode, requestId ?? string.Empty, statusCode)
    {
        Service = service;
    }

    /// <summary>The signing name of the service that answered: <c>ecs</c>, <c>iam</c>, <c>outposts</c>, <c>monitoring</c>, <c>ssm</c>.</summary>
    public string Service { get; }
}
