using System.Net;
using Amazon.EC2;
using Amazon.Runtime;
using OutpostServerless.Aws.Errors;

namespace OutpostServerless.Emulator.Calls;

/// <summary>An AWS error the next <see cref="Remaining"/> calls of <see cref="Operation"/> answer with.</summary>
internal sealed class InjectedFault
{
    public required string Operation { get; set; }
    public required string ErrorCode { get; set; }
    public required string Message { get; set; }
    public int Remaining { get; set; }

    /// <summary>The exception the real client would throw: EC2's own type for EC2, <see cref="AwsServiceError"/> for the rest.</summary>
    public AmazonServiceException ToException(string operation)
    {
        var service = operation[..operation.IndexOf(':', StringComparison.Ordinal)];
        var status = StatusFor(service, ErrorCode);
        var type = status >= HttpStatusCode.InternalServerError ? ErrorType.Receiver : ErrorType.Sender;
        return service == "ec2"
            ? new AmazonEC2Exception(Message, type, ErrorCode, string.Empty, status)
            : new AwsServiceError(SigningName(service), ErrorCode, Message, status);
    }

    private static string SigningName(string service) => service == "cloudwatch" ? "monitoring" : service;

    private static HttpStatusCode StatusFor(string service, string code) => code switch
    {
        "InternalError" or "InternalFailure" or "ServerException" or "InternalServerException" or "ServiceFailure" => HttpStatusCode.InternalServerError,
        "ServiceUnavailable" or "Unavailable" => HttpStatusCode.ServiceUnavailable,
        // EC2 throttles with 503 RequestLimitExceeded; the JSON/query services with 400.
        "RequestLimitExceeded" when service == "ec2" => HttpStatusCode.ServiceUnavailable,
        "NoSuchEntity" or "NotFoundException" => HttpStatusCode.NotFound,
        "EntityAlreadyExists" or "DeleteConflict" or "ConflictException" => HttpStatusCode.Conflict,
        _ => HttpStatusCode.BadRequest,
    };
}
