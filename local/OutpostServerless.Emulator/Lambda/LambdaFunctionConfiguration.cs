namespace OutpostServerless.Emulator.Lambda;

/// <summary>A function as the emulator runs it: its name, its <c>Handler</c>, its code and its limits.</summary>
/// <param name="Timeout">Lambda's function timeout (default 3 s, as Lambda's).</param>
/// <param name="MemorySize">MB, reported to the function as <c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>; not enforced.</param>
/// <param name="Variables">The function's own environment variables (Lambda's reserved ones win).</param>
public sealed record LambdaFunctionConfiguration(
    string FunctionName,
    string Handler,
    BootstrapCommand Bootstrap,
    TimeSpan? Timeout = null,
    int MemorySize = 128,
    IReadOnlyDictionary<string, string>? Variables = null)
{
    public TimeSpan EffectiveTimeout => Timeout ?? TimeSpan.FromSeconds(3);
}
