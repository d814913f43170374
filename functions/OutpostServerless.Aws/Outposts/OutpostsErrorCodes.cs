namespace OutpostServerless.Aws.Outposts;

/// <summary>AWS Outposts error codes (restJson1's <c>x-amzn-ErrorType</c>), as the Outposts API reference lists them.</summary>
public static class OutpostsErrorCodes
{
    public const string AccessDeniedException = "AccessDeniedException";
    public const string ConflictException = "ConflictException";
    public const string InternalServerException = "InternalServerException";
    public const string NotFoundException = "NotFoundException";
    public const string ServiceQuotaExceededException = "ServiceQuotaExceededException";
    public const string ValidationException = "ValidationException";
}
