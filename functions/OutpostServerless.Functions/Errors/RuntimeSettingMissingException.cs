namespace OutpostServerless.Functions.Errors;

/// <summary>An environment variable Lambda always sets is missing: this process is not running as a Lambda function.</summary>
public sealed class RuntimeSettingMissingException(string variable)
    : Exception($"The environment variable {variable} is not set; the bootstrap runs under the Lambda Runtime API, which sets it.")
{
    public string Variable { get; } = variable;
}
