using System.Net;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Outposts;

namespace OutpostServerless.Emulator.Outposts;

/// <summary>The errors AWS Outposts answers with (restJson1: <c>x-amzn-ErrorType</c>).</summary>
internal static class OutpostsErrors
{
    public static AwsServiceError Validation(string message) => new("outposts", OutpostsErrorCodes.ValidationException, message, HttpStatusCode.BadRequest);

    public static AwsServiceError NotFound(string message) => new("outposts", OutpostsErrorCodes.NotFoundException, message, HttpStatusCode.NotFound);
}
