namespace OutpostServerless.Emulator.Lambda;

/// <summary>Lambda's <c>ResourceNotFoundException</c>: no function of that name is configured.</summary>
public sealed class LambdaFunctionNotFoundException(string functionName)
    : Exception($"Function not found: {functionName}")
{
    public const string ErrorCode = "ResourceNotFoundException";

    public string FunctionName { get; } = functionName;
}
