namespace OutpostServerless.Functions.RuntimeApi;

/// <summary>The headers of the Lambda Runtime API (2018-06-01), as the documentation spells them.</summary>
public static class RuntimeApiHeaders
{
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    public const string ClientContext = "Lambda-Runtime-Client-Context";
    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    /// <summary>
    /// Not AWS's: the local emulator's virtual time at the invocation (ISO 8601). Its engine moves time
    /// without waiting (a one-hour Wait costs nothing), so a function must read "now" from the emulated
    /// world, not the machine. Lambda never sends it; a runtime reads it only when the emulator says it runs there
    /// (<see cref="Bootstrap.EmulatorVariables.EmulatedTime"/>), and otherwise uses the system clock.
    /// </summary>
    public const string EmulatedTime = "X-Outpost-Serverless-Emulated-Time";

    public const string ErrorContentType = "application/vnd.aws.lambda.error+json";
}
