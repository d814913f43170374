namespace OutpostServerless.Emulator.Lambda;

/// <summary>
/// A function error as Lambda returns it to the caller (and Step Functions names the state's error after
/// <see cref="ErrorType"/>): what the runtime posted, or the platform's own (<c>Sandbox.Timedout</c>,
/// <c>Runtime.ExitError</c>).
/// </summary>
public sealed record LambdaFunctionError(string ErrorType, string ErrorMessage, IReadOnlyList<string>? StackTrace = null)
{
    public const string TimedOut = "Sandbox.Timedout";
    public const string ExitError = "Runtime.ExitError";
    /// <summary>What Lambda calls an error the runtime posted with neither a body type nor the header.</summary>
    public const string Unhandled = "Unhandled";
}
