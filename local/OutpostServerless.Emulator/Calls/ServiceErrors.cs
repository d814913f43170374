using System.Net;
using Amazon.EC2;
using Amazon.Runtime;
using OutpostServerless.Aws.Errors;

namespace OutpostServerless.Emulator.Calls;

/// <summary>
/// Each emulated service's own throttling and server errors, with the codes and HTTP statuses that service
/// puts on the wire, thrown as its client would throw them: EC2's <see cref="AmazonEC2Exception"/>,
/// <see cref="AwsServiceError"/> for the rest.
/// </summary>
internal static class ServiceErrors
{
    private sealed record Profile(string SigningName, string ThrottlingCode, HttpStatusCode ThrottlingStatus, string ServerErrorCode, string ServerErrorMessage);

    // Throttling: EC2's error-code reference, the ECS/SSM/Outposts common errors, IAM's and CloudWatch's
    // query-protocol "Throttling", DynamoDB's common errors. Server errors: the 500 shape each botocore model declares.
    private static readonly Dictionary<string, Profile> Profiles = new(StringComparer.Ordinal)
    {
        ["ec2"] = new("ec2", "RequestLimitExceeded", HttpStatusCode.ServiceUnavailable, "InternalError", "An internal error has occurred."),
        ["ecs"] = new("ecs", "ThrottlingException", HttpStatusCode.BadRequest, "ServerException", "Service Unavailable. Please try again later."),
        ["iam"] = new("iam", "Throttling", HttpStatusCode.BadRequest, "ServiceFailure", "The request processing has failed because of an unknown error, exception or failure."),
        ["outposts"] = new("outposts", "ThrottlingException", HttpStatusCode.BadRequest, "InternalServerException", "An internal error has occurred."),
        ["cloudwatch"] = new("monitoring", "Throttling", HttpStatusCode.BadRequest, "InternalServiceError", "Internal service error."),
        ["ssm"] = new("ssm", "ThrottlingException", HttpStatusCode.BadRequest, "InternalServerError", "An error occurred on the server side."),
        ["dynamodb"] = new("dynamodb", "ThrottlingException", HttpStatusCode.BadRequest, "InternalServerError", "Internal server error"),
    };

    public static string ThrottlingCode(string operation) => ProfileOf(operation).ThrottlingCode;

    public static string ServerErrorCode(string operation) => ProfileOf(operation).ServerErrorCode;

    public static AmazonServiceException Throttling(string operation)
    {
        var profile = ProfileOf(operation);
        var message = profile.SigningName == "ec2" ? "Request limit exceeded." : "Rate exceeded";
        return Create(operation, profile.ThrottlingCode, message, profile.ThrottlingStatus);
    }

    public static AmazonServiceException ServerError(string operation)
    {
        var profile = ProfileOf(operation);
        return Create(operation, profile.ServerErrorCode, profile.ServerErrorMessage, HttpStatusCode.InternalServerError);
    }

    /// <summary>A given AWS error of the operation's service, with the status that code travels with.</summary>
    public static AmazonServiceException Create(string operation, string code, string message) =>
        Create(operation, code, message, StatusFor(ServiceOf(operation), code));

    private static AmazonServiceException Create(string operation, string code, string message, HttpStatusCode status)
    {
        var service = ServiceOf(operation);
        var type = status >= HttpStatusCode.InternalServerError ? ErrorType.Receiver : ErrorType.Sender;
        return service == "ec2"
            ? new AmazonEC2Exception(message, type, code, string.Empty, status)
            : new AwsServiceError(Profiles.TryGetValue(service, out var profile) ? profile.SigningName : service, code, message, status);
    }

    private static string ServiceOf(string operation) => operation[..operation.IndexOf(':', StringComparison.Ordinal)];

    private static Profile ProfileOf(string operation) =>
        Profiles.TryGetValue(ServiceOf(operation), out var profile)
            ? profile
            : throw new ArgumentException($"No emulated service answers '{operation}'.", nameof(operation));

    private static HttpStatusCode StatusFor(string service, string code) => code switch
    {
        "InternalError" or "InternalFailure" or "ServerException" or "InternalServerException" or "ServiceFailure"
            or "InternalServiceError" or "InternalServerError" => HttpStatusCode.InternalServerError,
        "ServiceUnavailable" or "Unavailable" => HttpStatusCode.ServiceUnavailable,
        // EC2 throttles with 503 RequestLimitExceeded; the JSON/query services with 400.
        "RequestLimitExceeded" when service == "ec2" => HttpStatusCode.ServiceUnavailable,
        "NoSuchEntity" or "NotFoundException" => HttpStatusCode.NotFound,
        "EntityAlreadyExists" or "DeleteConflict" or "ConflictException" => HttpStatusCode.Conflict,
        _ => HttpStatusCode.BadRequest,
    };
}
