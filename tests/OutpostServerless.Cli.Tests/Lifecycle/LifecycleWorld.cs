using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Aws;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Emulator.Wire;
using OutpostServerless.Local.Workflow;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.StateMachine;
using OutpostServerless.Testing.Fakes;

namespace OutpostServerless.Cli.Tests.Lifecycle;

/// <summary>One step of a lifecycle: what the execution ended as, and the mutating calls it made, per operation.</summary>
internal sealed record LifecycleStep(ExecutionResult Execution, IReadOnlyDictionary<string, int> Mutating, ChangeSet PlannedBefore)
{
    public int MutatingCalls => Mutating.Values.Sum();

    public override string ToString() =>
        $"{Execution.Status} {Execution.Error} mutating={MutatingCalls} [{string.Join(", ", Mutating.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}"))}]";
}

/// <summary>
/// One emulated account that lives through many executions, as a platform team's does: apply,
/// re-apply, change, fail, retry. The steps reach the world in process, or over HTTP through the real
/// clients to the emulator's wire server serving the same world. Before each apply it asks
/// PlanProvisioning what the apply will change, so a test can hold the two side by side.
/// </summary>
internal sealed class LifecycleWorld : IAsyncDisposable
{
    private static readonly Lazy<SamTemplate> Template = new(() => SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012")));
    private static readonly Lazy<LocalWorkflow> Workflow = new(() => new LocalWorkflow(Template.Value));
    private static readonly Lazy<LocalWorkflow> TeardownWorkflow = new(() => new LocalWorkflow(Template.Value, LocalWorkflow.TeardownStateMachine));

    private readonly EmulatorServer? _server;
    private readonly AwsClients? _clients;
    private int _executions;

    private LifecycleWorld(VirtualClock clock, EmulatedCloud cloud, EmulatorServer? server, AwsClients? clients)
    {
        Clock = clock;
        Cloud = cloud;
        _server = server;
        _clients = clients;
    }

    public VirtualClock Clock { get; }
    public EmulatedCloud Cloud { get; }
    public AwsPorts Ports => _clients?.Ports ?? Cloud.Ports;

    public static async Task<LifecycleWorld> CreateAsync(bool overHttp)
    {
        var clock = new VirtualClock(LocalWorkflow.DefaultStart);
        var cloud = new EmulatedCloud(clock);
        if (!overHttp)
        {
            return new LifecycleWorld(clock, cloud, null, null);
        }

        var server = await EmulatorServer.StartAsync(cloud);
        var clients = AwsPortsFactory.Create(AwsEndpointRun.ClientOptions(server.BaseUrl, new ClientCallCounter(), new FakeEnvironment()));
        return new LifecycleWorld(clock, cloud, server, clients);
    }

    /// <summary>Runs the provisioning state machine on the request; <paramref name="arrange"/> shapes the world just before.</summary>
    public async Task<LifecycleStep> ApplyAsync(JsonNode request, Action<EmulatedCloud>? arrange = null)
    {
        var planned = await PlanAsync(request);
        arrange?.Invoke(Cloud);
        return await ExecuteAsync(Workflow.Value, request, planned);
    }

    /// <summary>Runs the teardown state machine for the provisioning, as DELETE /provisionings/{id} starts it.</summary>
    public Task<LifecycleStep> TeardownAsync(string provisioningId) =>
        ExecuteAsync(TeardownWorkflow.Value, new JsonObject { ["provisioningId"] = provisioningId }, new ChangeSet([], []));

    private async Task<LifecycleStep> ExecuteAsync(LocalWorkflow workflow, JsonNode request, ChangeSet planned)
    {
        var before = Cloud.Calls.All.Count;
        var execution = await workflow.ExecuteAsync(new LocalExecution
        {
            Cloud = Cloud,
            Clock = Clock,
            Request = request,
            ExecutionName = $"lifecycle-{++_executions}",
            Jitter = new Random(_executions),
            Ports = _clients?.Ports,
        }, CancellationToken.None);
        var mutating = Cloud.Calls.All.Skip(before)
            .Where(c => c.IsMutating && c.Succeeded)
            .GroupBy(c => c.Operation, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new LifecycleStep(execution, mutating, planned);
    }

    /// <summary>What PlanProvisioning says applying the request would do (reads only).</summary>
    public async Task<ChangeSet> PlanAsync(JsonNode request)
    {
        var validation = new RequestValidator().Validate(request, "plan");
        Assert.True(validation.IsValid, string.Join("; ", validation.Errors));
        return (await new PlanProvisioning(Ports, NullLogger<PlanProvisioning>.Instance).PlanAsync(validation.Plan, CancellationToken.None)).ChangeSet;
    }

    public async ValueTask DisposeAsync()
    {
        _clients?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
