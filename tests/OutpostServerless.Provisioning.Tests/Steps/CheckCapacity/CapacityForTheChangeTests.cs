using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

/// <summary>The gate asks only for the slots the change needs.</summary>
public sealed class CapacityForTheChangeTests
{
    [Fact]
    public async Task A_change_that_launches_nothing_passes_a_full_and_disconnected_Outpost_without_asking_it()
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync();
        world.SetFreeSlotsAndPublish("c5.large", 0);
        world.Cloud.SetConnected(false);
        var rerun = world.NextExecution();
        var apply = await rerun.PlanAsync();
        var calls = world.Cloud.Calls.Total;

        var gate = await rerun.CheckCapacity.RunAsync(new CheckCapacityInput(rerun.Plan, new CapacityWaitProgress(), apply), CancellationToken.None);

        Assert.True(gate.HasCapacity);
        Assert.Equal(calls, world.Cloud.Calls.Total);
    }

    [Fact]
    public async Task A_scale_out_waits_for_the_missing_slots_only()
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync();
        world.SetFreeSlotsAndPublish("c5.large", 1);
        var scaleOut = world.NextExecution(p => p with { Cluster = p.Cluster with { InstanceCount = 3 } });
        var apply = await scaleOut.PlanAsync();

        var gate = await scaleOut.CheckCapacity.RunAsync(new CheckCapacityInput(scaleOut.Plan, new CapacityWaitProgress(), apply), CancellationToken.None);

        Assert.Equal(1, apply.SlotsNeeded);
        Assert.True(gate.HasCapacity);
    }
}
