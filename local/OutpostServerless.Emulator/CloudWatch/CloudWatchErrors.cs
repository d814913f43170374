using OutpostServerless.Aws.Errors;

namespace OutpostServerless.Emulator.CloudWatch;

/// <summary>CloudWatch's errors (awsQuery; signing name <c>monitoring</c>).</summary>
internal static class CloudWatchErrors
{
    public static AwsServiceError Validation(string message) => new("monitoring", "ValidationError", message);

    public static AwsServiceError InvalidParameterValue(string message) => new("monitoring", "InvalidParameterValue", message);
}
