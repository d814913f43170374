using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

/// <summary>Two provisionings that share a task definition family never disturb each other's revisions.</summary>
public sealed class SharedFamilyTests
{
    [Fact]
    public async Task A_rerun_reuses_its_own_revision_under_another_provisionings_newer_one()
    {
        var first = ProvisioningWorld.Create();
        var mine = await first.ProvisionAsync();
        var other = first.WithPlan(_ => TestPlans.Default("prov-test-2") with
        {
            Workload = TestPlans.Default("prov-test-2").Workload with { TaskDefinition = TestPlans.TaskDefinition("outpost-app", "nginx:1.29") },
        });
        var theirs = await other.ProvisionAsync();
        var rerun = first.NextExecution();
        var apply = await rerun.PlanAsync();

        TaskDefinitionResource? reused = null;
        var mutating = await rerun.MutatingCallsOf(async () =>
            reused = await rerun.RegisterTaskDefinition.RunAsync(new RegisterTaskDefinitionInput(rerun.Plan, apply), CancellationToken.None));

        Assert.Equal(mine.TaskDefinition!.Family, theirs.TaskDefinition!.Family);
        Assert.True(theirs.TaskDefinition.Revision > mine.TaskDefinition.Revision);
        Assert.Equal(mine.TaskDefinition.TaskDefinitionArn, reused!.TaskDefinitionArn);
        Assert.Equal(0, mutating);
        Assert.False(apply.ChangeSet.HasChanges);
    }
}
