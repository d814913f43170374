namespace OutpostServerless.Aws.Iam;

/// <summary>IAM error codes (<c>&lt;Error&gt;&lt;Code&gt;</c>), as IAM sends them.</summary>
public static class IamErrorCodes
{
    public const string EntityAlreadyExists = "EntityAlreadyExists";
    public const string NoSuchEntity = "NoSuchEntity";
    public const string DeleteConflict = "DeleteConflict";
    public const string LimitExceeded = "LimitExceeded";
    public const string MalformedPolicyDocument = "MalformedPolicyDocument";
    public const string InvalidInput = "InvalidInput";
    public const string ValidationError = "ValidationError";
    public const string Throttling = "Throttling";
}
