using OutpostServerless.Functions.Handlers;

namespace OutpostServerless.Functions.Tests.Support;

/// <summary>A handler made of a lambda, for tests that care about the host, not the step.</summary>
internal sealed class DelegateHandler(Func<string, CancellationToken, Task<string>> handle) : IFunctionHandler
{
    public Task<string> HandleAsync(string payload, InvocationNotes notes, CancellationToken cancellationToken) => handle(payload, cancellationToken);
}
