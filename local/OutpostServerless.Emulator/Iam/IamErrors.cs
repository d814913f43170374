using System.Net;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Iam;

namespace OutpostServerless.Emulator.Iam;

/// <summary>IAM's errors (awsQuery <c>&lt;Error&gt;&lt;Code&gt;</c>) with IAM's status codes and wording.</summary>
internal static class IamErrors
{
    public static AwsServiceError NoSuchEntity(string message) => new("iam", IamErrorCodes.NoSuchEntity, message, HttpStatusCode.NotFound);

    public static AwsServiceError RoleNotFound(string roleName) => NoSuchEntity($"The role with name {roleName} cannot be found.");

    public static AwsServiceError InstanceProfileNotFound(string name) => NoSuchEntity($"Instance Profile {name} cannot be found.");

    public static AwsServiceError AlreadyExists(string message) => new("iam", IamErrorCodes.EntityAlreadyExists, message, HttpStatusCode.Conflict);

    public static AwsServiceError DeleteConflict(string message) => new("iam", IamErrorCodes.DeleteConflict, message, HttpStatusCode.Conflict);

    public static AwsServiceError LimitExceeded(string message) => new("iam", IamErrorCodes.LimitExceeded, message, HttpStatusCode.Conflict);

    public static AwsServiceError Malformed(string message) => new("iam", IamErrorCodes.MalformedPolicyDocument, message, HttpStatusCode.BadRequest);

    public static AwsServiceError InvalidInput(string message) => new("iam", IamErrorCodes.InvalidInput, message, HttpStatusCode.BadRequest);

    public static AwsServiceError Validation(string value, string member, string constraint) => new(
        "iam", IamErrorCodes.ValidationError, $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}", HttpStatusCode.BadRequest);
}
