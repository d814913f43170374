using OutpostServerless.Testing.Moto;
using OutpostServerless.Testing.Tools;

namespace OutpostServerless.Aws.Tests.Interop;

/// <summary>
/// One <see cref="MotoServer"/> for the test class, with the AWS managed policies loaded. When moto_server is
/// not installed there is none, and a test that asks for its <see cref="Endpoint"/> is skipped (failed under CI).
/// </summary>
public sealed class MotoServerFixture : IAsyncLifetime
{
    // Real accounts have the AWS managed policies (the steps attach AmazonEC2ContainerServiceforEC2Role).
    private static readonly Dictionary<string, string?> Settings = new(StringComparer.Ordinal) { ["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true" };

    private MotoServer? _server;

    public Uri Endpoint
    {
        get
        {
            if (_server is null)
            {
                MissingTool.Stop(MotoServer.MissingReason);
            }

            return _server.Endpoint;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (MotoServer.IsInstalled)
        {
            _server = await MotoServer.StartAsync(Settings, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
