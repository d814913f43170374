using OutpostServerless.Functions.Errors;

namespace OutpostServerless.Functions.Handlers;

/// <summary>What one invocation produced: a response payload, or a function error.</summary>
public sealed record FunctionResult(string? Payload, FunctionError? Error)
{
    public static FunctionResult Success(string payload) => new(payload, null);

    public static FunctionResult Failure(FunctionError error) => new(null, error);
}
