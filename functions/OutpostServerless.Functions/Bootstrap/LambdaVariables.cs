namespace OutpostServerless.Functions.Bootstrap;

/// <summary>The environment variables Lambda sets for a custom runtime that the bootstrap reads or writes.</summary>
public static class LambdaVariables
{
    public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";
    public const string Handler = "_HANDLER";
    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";
    public const string FunctionVersion = "AWS_LAMBDA_FUNCTION_VERSION";
    public const string TraceId = "_X_AMZN_TRACE_ID";
    /// <summary>Lambda's advanced logging control: TRACE, DEBUG, INFO, WARN, ERROR or FATAL.</summary>
    public const string LogLevel = "AWS_LAMBDA_LOG_LEVEL";
    /// <summary>Powertools' name of the service the function belongs to: the <c>service</c> of every log line and metric.</summary>
    public const string ServiceName = "POWERTOOLS_SERVICE_NAME";
}
