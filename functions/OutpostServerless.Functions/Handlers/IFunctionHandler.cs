namespace OutpostServerless.Functions.Handlers;

/// <summary>One Lambda function: an event payload in, a response payload out (both JSON text).</summary>
public interface IFunctionHandler
{
    /// <param name="notes">Where the handler notes what its typed event and result say of the invocation (logs, metrics).</param>
    Task<string> HandleAsync(string payload, InvocationNotes notes, CancellationToken cancellationToken);
}
