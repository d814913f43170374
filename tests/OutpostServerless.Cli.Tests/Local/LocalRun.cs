using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Cli.Tests.Local;

/// <summary>The test harness: a provisioning run of an example request, in a line.</summary>
internal static class LocalRun
{
    private static readonly Lazy<LocalWorkflow> Workflow = new(() =>
        new LocalWorkflow(SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012"))));

    public static JsonObject Example(string name) =>
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.Example(name)))!.AsObject();

    public static Task<LocalRunResult> RunAsync(JsonNode? request, string executionName = "test-run", int? capacity = null,
        int? capacityArrivesAfter = null, string? stateFile = null, params FaultSpec[] faults) =>
        Workflow.Value.RunAsync(
            new LocalRunSettings
            {
                Request = request,
                ExecutionName = executionName,
                Capacity = capacity,
                CapacityArrivesAfterSeconds = capacityArrivesAfter,
                StateFile = stateFile,
                Faults = faults,
            },
            observer: null,
            CancellationToken.None);

    public static IReadOnlyList<string> StatesEntered(LocalRunResult result) =>
        result.Execution.History.Where(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal)).Select(e => e.StateName!).ToList();
}
