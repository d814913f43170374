using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class CheckCapacityTests
{
    [Theory]
    // free slots, waited, launch rejected → has capacity, exhausted, next wait (plan: 2 needed, max 3600 s, poll 30 s)
    [InlineData(5, 0, false, true, false, 30)]
    [InlineData(2, 0, false, true, false, 30)]      // exactly enough
    [InlineData(1, 0, false, false, false, 30)]     // short: wait the poll interval
    [InlineData(1, 90, false, false, false, 120)]   // still short: the wait doubles
    [InlineData(1, 1000, false, false, false, 300)] // capped at the metric period
    [InlineData(1, 3500, false, false, false, 100)] // capped at the budget left
    [InlineData(1, 3600, false, false, true, 1)]    // budget spent, still short: give up
    [InlineData(5, 3600, false, true, false, 1)]    // budget spent but capacity is there: go
    [InlineData(5, 600, true, true, false, 300)]    // launch rejected, metric says yes: try again
    [InlineData(5, 3600, true, false, true, 1)]     // launch rejected and budget spent: give up, whatever the metric says
    public async Task CheckCapacity_gate_follows_the_table(
        int freeSlots, int waited, bool launchRejected, bool hasCapacity, bool exhausted, int nextWait)
    {
        var world = ProvisioningWorld.Create();
        world.SetFreeSlotsAndPublish(world.Plan.Cluster.InstanceType, freeSlots);

        var gate = await world.CheckCapacityAsync(waited, launchRejected);

        Assert.Equal((hasCapacity, exhausted, nextWait), (gate.HasCapacity, gate.Exhausted, gate.NextWaitSeconds));
        Assert.Equal(freeSlots, gate.FreeSlots);
        Assert.Equal(waited, gate.WaitedSeconds);
        Assert.Equal(launchRejected, gate.LaunchRejected);
    }

    [Fact]
    public async Task CheckCapacity_never_reports_capacity_and_exhaustion_together()
    {
        var world = ProvisioningWorld.Create();
        world.SetFreeSlotsAndPublish(world.Plan.Cluster.InstanceType, 10);

        var gate = await world.CheckCapacityAsync(world.Plan.CapacityWait.MaxSeconds, launchRejected: true);

        Assert.True(gate.Exhausted);
        Assert.False(gate.HasCapacity);
        Assert.Equal(10, gate.FreeSlots);
    }

    [Fact]
    public async Task CheckCapacity_reason_says_how_many_slots_are_free_and_how_many_are_needed()
    {
        var world = ProvisioningWorld.Create();
        world.SetFreeSlotsAndPublish("c5.large", 1);

        var gate = await world.CheckCapacityAsync();

        Assert.Equal($"Outpost {world.Plan.OutpostId} has 1 free c5.large slot; 2 needed.", gate.Reason);
    }

    [Fact]
    public async Task CheckCapacity_reports_no_capacity_while_the_outpost_is_disconnected()
    {
        var world = ProvisioningWorld.Create();
        world.Cloud.SetConnected(false);
        world.Clock.Advance(TimeSpan.FromMinutes(5));

        var gate = await world.CheckCapacityAsync();

        Assert.False(gate.HasCapacity);
        Assert.Contains("disconnected", gate.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckCapacity_sees_capacity_only_once_the_metric_has_published_it()
    {
        var world = ProvisioningWorld.Create();
        world.SetFreeSlotsAndPublish("c5.large", 0);
        world.Cloud.SetFreeSlots("c5.large", 4);

        var before = await world.CheckCapacityAsync();
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        var after = await world.CheckCapacityAsync();

        Assert.Equal((false, true), (before.HasCapacity, after.HasCapacity));
    }

    [Fact]
    public async Task CheckCapacity_fails_InstanceTypeNotSupported_naming_the_types_the_outpost_has()
    {
        var world = ProvisioningWorld.Create(p => p with { Cluster = p.Cluster with { InstanceType = "c6g.large" } });

        var error = await Assert.ThrowsAsync<InstanceTypeNotSupportedException>(() => world.CheckCapacityAsync());

        Assert.Equal("Provisioning.InstanceTypeNotSupported", error.ErrorName);
        Assert.Contains("c6g.large", error.Message, StringComparison.Ordinal);
        Assert.Contains("c5.large", error.SupportedInstanceTypes);
    }

    [Fact]
    public async Task CheckCapacity_fails_OutpostNotFound_for_an_outpost_the_account_does_not_have()
    {
        var world = ProvisioningWorld.Create(p => p with { OutpostId = "op-0fffffffffffffff0" });

        var error = await Assert.ThrowsAsync<OutpostNotFoundException>(() => world.CheckCapacityAsync());

        Assert.Equal("Provisioning.OutpostNotFound", error.ErrorName);
    }

    [Fact]
    public async Task CheckCapacity_makes_no_mutating_call()
    {
        var world = ProvisioningWorld.Create();

        Assert.Equal(0, await world.MutatingCallsOf(() => world.CheckCapacityAsync()));
    }
}
