namespace OutpostServerless.Local.StepFunctions;

/// <summary>
/// An error Step Functions answers a StartExecution or DescribeExecution with (HTTP 400), e.g.
/// <c>ExecutionAlreadyExists</c>; <see cref="Type"/> is its <c>__type</c> on the wire.
/// </summary>
public sealed class StepFunctionsException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;

    public string Type => "com.amazonaws.swf.service.v2.model#" + ErrorCode;
}
