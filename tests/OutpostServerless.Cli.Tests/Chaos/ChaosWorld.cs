using System.Text.Json.Nodes;
using OutpostServerless.Cli.Chaos;
using OutpostServerless.Cli.Tests.Local;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.Workflow;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Tests.Chaos;

/// <summary>
/// The chaos harness: one emulated world and virtual clock that any number of executions share, the
/// real workflow (template, definition, functions), and what a provisioning owns afterwards.
/// </summary>
internal sealed class ChaosWorld
{
    public static readonly LocalWorkflow Workflow =
        new(SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012")));

    public ChaosWorld(EmulatorOptions? options = null)
    {
        Clock = new VirtualClock(LocalWorkflow.DefaultStart);
        Cloud = new EmulatedCloud(Clock, options);
    }

    public VirtualClock Clock { get; }
    public EmulatedCloud Cloud { get; }
    public DateTimeOffset Start => LocalWorkflow.DefaultStart;

    public static IReadOnlyList<KeyValuePair<string, JsonObject>> Examples { get; } =
    [
        new("batch-task", LocalRun.Example("batch-task.json")),
        new("web-service", LocalRun.Example("web-service.json")),
    ];

    public Task<ExecutionResult> RunAsync(JsonNode request, string executionName, Func<ITaskInvoker, ITaskInvoker>? wrap = null) =>
        Workflow.ExecuteAsync(new LocalExecution
        {
            Cloud = Cloud,
            Clock = Clock,
            Request = request,
            ExecutionName = executionName,
            WrapInvoker = wrap,
            Jitter = new Random(7),
        }, CancellationToken.None);

    /// <summary>Starts every execution at the same virtual instant, then waits for all of them.</summary>
    public async Task<ExecutionResult[]> RunTogetherAsync(IEnumerable<(JsonNode Request, string ExecutionName)> executions)
    {
        Task<ExecutionResult>[] running;
        using (Clock.Hold())
        {
            running = [.. executions.Select(e => RunAsync(e.Request, e.ExecutionName))];
        }

        return await Task.WhenAll(running);
    }

    /// <summary>
    /// Drops the Outpost's service link and lets <paramref name="ago"/> pass before anything starts, so
    /// ConnectedStatus (a 1-minute metric) already reads 0 at the start; it comes back <paramref name="backAfter"/>
    /// after the start (never, when null). Returns the start.
    /// </summary>
    public DateTimeOffset DisconnectedSince(TimeSpan ago, TimeSpan? backAfter = null)
    {
        Cloud.SetConnected(false);
        Clock.Advance(ago);
        var start = Clock.GetUtcNow();
        if (backAfter is { } after)
        {
            Cloud.SetConnected(true, start + after);
        }

        return start;
    }

    public IReadOnlyList<EmulatedResource> Owned(string provisioningId) =>
        Cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, provisioningId);

    /// <summary>The owned resources by type, for comparing with an <see cref="ExpectedInventory"/>.</summary>
    public Dictionary<string, int> Inventory(string provisioningId) =>
        Owned(provisioningId).GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Count());

    public static Dictionary<string, int> NonZero(ExpectedInventory expected) =>
        expected.Counts.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value);

    public static JsonObject Request(string example, string provisioningId, int instanceCount = 1, int? maxWaitSeconds = null)
    {
        var request = LocalRun.Example(example + ".json");
        request["provisioningId"] = provisioningId;
        request["cluster"]!["instanceCount"] = instanceCount;
        request["workload"]!["desiredCount"] = 1;
        if (maxWaitSeconds is { } wait)
        {
            request["capacityWait"] = new JsonObject { ["maxSeconds"] = wait, ["pollSeconds"] = 60 };
        }

        return request;
    }

    public static IReadOnlyList<string> StatesEntered(ExecutionResult execution) =>
        [.. execution.History.Where(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal)).Select(e => e.StateName!)];
}
