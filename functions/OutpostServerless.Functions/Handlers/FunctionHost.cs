using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OutpostServerless.Functions.Errors;

namespace OutpostServerless.Functions.Handlers;

/// <summary>
/// Runs one invocation of the handler a function is configured with (its <c>Handler</c> in
/// template.yaml, <c>_HANDLER</c> on Lambda) and turns any exception into the function error Lambda
/// would report, so callers in process and over the Runtime API see the same outcome.
/// </summary>
/// <param name="handlers">
/// How to build each handler. A handler is built on its first use and kept: a function only ever runs its own,
/// so a cold start pays for one step's objects and JSON contracts, not for the whole table's.
/// </param>
public sealed class FunctionHost(IReadOnlyDictionary<string, Func<IFunctionHandler>> handlers, ILogger<FunctionHost> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<IFunctionHandler>> _built = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> HandlerNames => handlers.Keys.ToArray();

    /// <summary>Builds <paramref name="handlerName"/> now (Lambda's init phase), so a bad configuration fails init.</summary>
    /// <exception cref="HandlerNotFoundException">The table has no such handler.</exception>
    public void Prepare(string handlerName) => _ = Handler(handlerName);

    public async Task<FunctionResult> InvokeAsync(string handlerName, string payload, CancellationToken cancellationToken)
    {
        try
        {
            return FunctionResult.Success(await Handler(handlerName).HandleAsync(payload, new InvocationNotes(), cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = FunctionError.From(exception);
            logger.LogWarning("Handler {Handler} failed with {ErrorType}: {ErrorMessage}", handlerName, error.ErrorType, error.ErrorMessage);
            return FunctionResult.Failure(error);
        }
    }

    private IFunctionHandler Handler(string handlerName) =>
        handlers.TryGetValue(handlerName, out var build)
            ? _built.GetOrAdd(handlerName, _ => new Lazy<IFunctionHandler>(build)).Value
            : throw new HandlerNotFoundException(handlerName, HandlerNames);
}
