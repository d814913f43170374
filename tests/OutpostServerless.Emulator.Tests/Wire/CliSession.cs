using OutpostServerless.Emulator.Wire;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Wire;

/// <summary>
/// A world on a virtual clock, served over HTTP, and a real AWS CLI pointed at it. The server
/// judges signature age by real time (the CLI signs with it); the world's clock moves only when
/// a test advances it.
/// </summary>
internal sealed class CliSession : IAsyncDisposable
{
    private CliSession(TestWorld world, EmulatorServer server, AwsCli aws)
    {
        World = world;
        Server = server;
        Aws = aws;
    }

    public TestWorld World { get; }

    public EmulatorServer Server { get; }

    public AwsCli Aws { get; }

    /// <summary>A session; when that CLI is absent the test is skipped (failed under CI).</summary>
    public static async Task<CliSession> StartAsync(AwsCliVersion version)
    {
        var cli = await AwsCli.RequireAsync(version);
        var world = new TestWorld();
        var server = await EmulatorServer.StartAsync(world.Cloud);
        return new CliSession(world, server, cli.With(server.BaseUrl));
    }

    /// <summary>The same CLI with other credentials (a wrong secret, an unknown key).</summary>
    public AwsCli WithCredentials(string accessKeyId, string secretAccessKey) => Aws.With(Server.BaseUrl, accessKeyId, secretAccessKey);

    public async ValueTask DisposeAsync()
    {
        Aws.Dispose();
        await Server.DisposeAsync();
    }
}
