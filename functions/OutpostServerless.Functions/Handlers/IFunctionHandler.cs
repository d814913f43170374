namespace OutpostServerless.Functions.Handlers;

/// <summary>One Lambda function: an event payload in, a response payload out (both JSON text).</summary>
public interface IFunctionHandler
{
    Task<string> HandleAsync(string payload, CancellationToken cancellationToken);
}
