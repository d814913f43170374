using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using OutpostServerless.Aws.Client.Calls;
using OutpostServerless.Aws.Tests.Testing;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Wire;
using OutpostServerless.Testing.Fakes;

namespace OutpostServerless.Aws.Tests.Interop;

/// <summary>
/// A fresh emulated world on a clock the test moves, served by <see cref="EmulatorServer"/> on
/// 127.0.0.1, and our clients (built by <see cref="AwsPortsFactory"/>, as a function builds them) pointed
/// at it. Requests are signed with real time; the world's own time moves only when the test says.
/// </summary>
internal sealed class EmulatorEndpoint : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private EmulatorEndpoint(FakeTimeProvider clock, EmulatedCloud cloud, EmulatorServer server, AwsClients clients)
    {
        Clock = clock;
        Cloud = cloud;
        Server = server;
        Clients = clients;
    }

    public FakeTimeProvider Clock { get; }

    public EmulatedCloud Cloud { get; }

    public EmulatorServer Server { get; }

    public AwsClients Clients { get; }

    public AwsPorts Ports => Clients.Ports;

    public static async Task<EmulatorEndpoint> StartAsync(IAwsCallObserver? observer = null)
    {
        var clock = new FakeTimeProvider(Start);
        var cloud = new EmulatedCloud(clock);
        var server = await EmulatorServer.StartAsync(cloud);
        var clients = AwsPortsFactory.Create(new AwsClientOptions
        {
            Region = "us-west-2",
            EndpointUrl = server.BaseUrl,
            Credentials = new BasicAWSCredentials("test", "test"),
            Environment = new FakeEnvironment(),
            CallObserver = observer,
        });
        return new EmulatorEndpoint(clock, cloud, server, clients);
    }

    public async ValueTask DisposeAsync()
    {
        Clients.Dispose();
        await Server.DisposeAsync();
    }
}
