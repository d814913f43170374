using Amazon.Runtime;

namespace OutpostServerless.Aws.Client;

/// <summary>
/// An AWSSDK client built when first called, not with the ports: building one resolves credentials and its
/// request pipeline (milliseconds of a Lambda cold start), and most functions never call most services.
/// </summary>
public sealed class SdkClientOnFirstUse<T>(Func<T> create) : IDisposable
    where T : AmazonServiceClient
{
    private readonly Lock _sync = new();
    private T? _client;

    public T Client
    {
        get
        {
            lock (_sync)
            {
                return _client ??= create();
            }
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _client?.Dispose();
        }
    }
}
