using System.Text.Json.Nodes;
using OutpostServerless.Aws;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Calls;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Emulator.Wire;
using OutpostServerless.Local.Workflow;
using OutpostServerless.StateMachine;
using OutpostServerless.Testing.Fakes;

namespace OutpostServerless.Cli.Tests.Wire;

/// <summary>What one execution did, seen from the emulated world (and, over HTTP, from the clients).</summary>
internal sealed record WireRunResult(
    ExecutionResult Execution,
    IReadOnlyDictionary<string, int> Calls,
    IReadOnlyList<ApiCall> CallSequence,
    IReadOnlyList<EmulatedResource> ResourcesLeft,
    IReadOnlyDictionary<string, int>? ClientCounts);

/// <summary>
/// The harness of the proof: one execution of the real definition and step code on a fresh world, either
/// with the steps calling the world in process, or with the steps' ports being the real clients
/// (<see cref="AwsPortsFactory"/>) over HTTP to an <see cref="EmulatorServer"/> serving that same world.
/// Both worlds and the engine share one virtual clock, and both runs the same retry jitter.
/// </summary>
internal static class WireRun
{
    private const int JitterSeed = 20260105;

    private static readonly Lazy<LocalWorkflow> Workflow = new(() =>
        new LocalWorkflow(SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012"))));

    public static async Task<WireRunResult> InProcessAsync(JsonNode request, Action<EmulatedCloud>? prepare = null)
    {
        var (clock, cloud) = World(prepare);
        var execution = await Workflow.Value.ExecuteAsync(Execution(cloud, clock, request, ports: null), CancellationToken.None);
        return new WireRunResult(execution, cloud.Calls.Counts, cloud.Calls.All, cloud.Resources(), ClientCounts: null);
    }

    public static async Task<WireRunResult> OverHttpAsync(JsonNode request, Action<EmulatedCloud>? prepare = null)
    {
        var (clock, cloud) = World(prepare);
        await using var server = await EmulatorServer.StartAsync(cloud);
        var counter = new ClientCallCounter();
        using var clients = AwsPortsFactory.Create(AwsEndpointRun.ClientOptions(server.BaseUrl, counter, new FakeEnvironment()));

        var execution = await Workflow.Value.ExecuteAsync(Execution(cloud, clock, request, clients.Ports), CancellationToken.None);
        return new WireRunResult(execution, cloud.Calls.Counts, cloud.Calls.All, cloud.Resources(), counter.Counts);
    }

    private static (VirtualClock Clock, EmulatedCloud Cloud) World(Action<EmulatedCloud>? prepare)
    {
        var clock = new VirtualClock(LocalWorkflow.DefaultStart);
        var cloud = new EmulatedCloud(clock);
        prepare?.Invoke(cloud);
        cloud.Calls.Reset();
        return (clock, cloud);
    }

    private static LocalExecution Execution(EmulatedCloud cloud, VirtualClock clock, JsonNode request, AwsPorts? ports) => new()
    {
        Cloud = cloud,
        Clock = clock,
        Request = request,
        ExecutionName = "wire-proof",
        Jitter = new Random(JitterSeed),
        Ports = ports,
    };
}
