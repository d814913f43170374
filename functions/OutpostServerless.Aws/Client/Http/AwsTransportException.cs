namespace OutpostServerless.Aws.Client.Http;

/// <summary>
/// No answer from the service: the connection failed, was reset or timed out on every one of
/// <see cref="Attempts"/> attempts. The last cause is the inner exception.
/// </summary>
public sealed class AwsTransportException(string service, string operation, int attempts, Exception cause)
    : Exception($"{service}:{operation} got no answer after {attempts} attempt(s): {cause.Message}", cause)
{
    public string Service { get; } = service;
    public string Operation { get; } = operation;
    public int Attempts { get; } = attempts;
}
