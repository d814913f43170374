namespace OutpostServerless.Functions.Errors;

/// <summary>
/// The function's <c>_HANDLER</c> names no step: the deployment and the code disagree. Reported as an
/// init error (<c>Runtime.HandlerNotFound</c>, Lambda's own name for it), after which the runtime exits.
/// </summary>
public sealed class HandlerNotFoundException(string handler, IReadOnlyCollection<string> knownHandlers)
    : Exception($"No handler named '{handler}'. Known handlers: {string.Join(", ", knownHandlers.Order(StringComparer.Ordinal))}.")
{
    public const string ErrorType = "Runtime.HandlerNotFound";

    public string Handler { get; } = handler;

    public IReadOnlyCollection<string> KnownHandlers { get; } = knownHandlers;
}
