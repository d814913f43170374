using System.Text.Json.Nodes;
using OutpostServerless.Cli.Chaos;
using OutpostServerless.Cli.Chaos.Lifecycle;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Cli.Tests.Chaos;

/// <summary><c>chaos --lifecycle</c>: creates, updates, re-runs and teardowns of provisionings sharing one Outpost, under faults.</summary>
public sealed class LifecycleChaosTests
{
    private static readonly SamTemplate Template = SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012"));

    [Fact]
    public async Task Lifecycle_sequences_under_faults_duplicate_nothing_leak_nothing_destroy_no_working_state_and_touch_no_other_provisioning()
    {
        var runner = new LifecycleRunner(new LocalWorkflow(Template), new LocalWorkflow(Template, LocalWorkflow.TeardownStateMachine), ChaosWorld.Examples);

        var report = await runner.RunAsync(new ChaosSettings { Runs = 3, FaultRate = 0.3, Seed = 11, Parallelism = 2 }, progress: null, CancellationToken.None);

        Assert.Equal(3 * LifecycleSequence.Operations, report.Executions);
        Assert.NotEmpty(report.FaultsInjected);
        Assert.True(report.Clean, report.ToText());
    }

    [Fact]
    public void A_lifecycle_sequence_is_drawn_from_its_seed_and_number_alone()
    {
        var first = new LifecycleSequence(5, 2, ChaosWorld.Examples);
        var second = new LifecycleSequence(5, 2, ChaosWorld.Examples);

        var a = Enumerable.Range(0, 3).Select(_ => Apply(first)).ToList();
        var b = Enumerable.Range(0, 3).Select(_ => Apply(second)).ToList();

        Assert.Equal(a.Select(o => (o.ProvisioningId, o.Action, o.Change, o.Request.ToJsonString())), b.Select(o => (o.ProvisioningId, o.Action, o.Change, o.Request.ToJsonString())));
    }

    [Fact]
    public void A_provisioning_is_created_before_anything_else_is_done_to_it_and_with_its_own_names()
    {
        var sequence = new LifecycleSequence(1, 0, ChaosWorld.Examples);

        var operation = sequence.Next();

        Assert.Equal(LifecycleAction.Create, operation.Action);
        Assert.Equal(operation.ProvisioningId, operation.Request["cluster"]!["name"]!.GetValue<string>());
        Assert.Equal(operation.ProvisioningId, operation.Request["workload"]!["taskDefinition"]!["family"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chaos_lifecycle_json_prints_only_the_report()
    {
        var (exitCode, output, error) = await CliRun.WithTemplateAsync("chaos", "--lifecycle", "--runs", "1", "--fault-rate", "0.1", "--json");

        Assert.True(exitCode == 0, error + output);
        var report = JsonNode.Parse(output)!;
        Assert.Equal((1, 0, 0, 0), (report["sequences"]!.GetValue<int>(), report["leaks"]!.GetValue<int>(), report["workingStateDestroyed"]!.GetValue<int>(), report["duplicates"]!.GetValue<int>()));
    }

    private static LifecycleOperation Apply(LifecycleSequence sequence)
    {
        var operation = sequence.Next();
        sequence.Succeeded(operation);
        return operation;
    }
}
