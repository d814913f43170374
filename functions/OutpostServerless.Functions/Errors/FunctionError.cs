using Amazon.Runtime;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Functions.Errors;

/// <summary>
/// A function error as the Lambda Runtime API carries it (<c>application/vnd.aws.lambda.error+json</c>).
/// Step Functions names the failed state's error after <see cref="ErrorType"/>, so it is the name the
/// state machine's Retry and Catch match: ours are <c>Provisioning.*</c>, AWS's are their error codes
/// unchanged (so <c>InsufficientInstanceCapacity</c> reaches the capacity gate as itself).
/// </summary>
public sealed record FunctionError(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace)
{
    public static FunctionError From(Exception exception) => new(
        ErrorTypeOf(exception),
        exception.Message,
        exception.StackTrace?.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);

    private static string ErrorTypeOf(Exception exception) => exception switch
    {
        ProvisioningException provisioning => provisioning.ErrorName,
        AmazonServiceException aws when !string.IsNullOrEmpty(aws.ErrorCode) => aws.ErrorCode,
        // AWSSDK.EC2 meets a reset or refused connection as these (bare or wrapped without an error code):
        // the same failure our own clients report as AwsTransportException, so one retrier covers both.
        HttpRequestException or IOException => nameof(AwsTransportException),
        AmazonServiceException { InnerException: HttpRequestException or IOException } => nameof(AwsTransportException),
        HandlerNotFoundException => HandlerNotFoundException.ErrorType,
        FunctionTimedOutException => FunctionTimedOutException.ErrorType,
        // As Lambda's own .NET runtime does: the exception's short type name.
        _ => exception.GetType().Name,
    };
}
