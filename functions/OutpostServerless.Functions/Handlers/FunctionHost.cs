using Microsoft.Extensions.Logging;
using OutpostServerless.Functions.Errors;

namespace OutpostServerless.Functions.Handlers;

/// <summary>
/// Runs one invocation of the handler a function is configured with (its <c>Handler</c> in
/// template.yaml, <c>_HANDLER</c> on Lambda) and turns any exception into the function error Lambda
/// would report, so callers in process and over the Runtime API see the same outcome.
/// </summary>
public sealed class FunctionHost(IReadOnlyDictionary<string, IFunctionHandler> handlers, ILogger<FunctionHost> logger)
{
    public IReadOnlyCollection<string> HandlerNames => handlers.Keys.ToArray();

    public async Task<FunctionResult> InvokeAsync(string handlerName, string payload, CancellationToken cancellationToken)
    {
        if (!handlers.TryGetValue(handlerName, out var handler))
        {
            return FunctionResult.Failure(new FunctionError(
                "Runtime.HandlerNotFound",
                $"No handler named '{handlerName}'. Known handlers: {string.Join(", ", handlers.Keys.Order(StringComparer.Ordinal))}.",
                []));
        }

        try
        {
            return FunctionResult.Success(await handler.HandleAsync(payload, cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = FunctionError.From(exception);
            logger.LogWarning("Handler {Handler} failed with {ErrorType}: {ErrorMessage}", handlerName, error.ErrorType, error.ErrorMessage);
            return FunctionResult.Failure(error);
        }
    }
}
