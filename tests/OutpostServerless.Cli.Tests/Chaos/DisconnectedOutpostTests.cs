using OutpostServerless.Cli.Chaos;

namespace OutpostServerless.Cli.Tests.Chaos;

/// <summary>
/// While the Outpost is cut off from its Region the workflow waits (bounded by the request's wait)
/// instead of failing or creating; a disconnection that outlasts the wait ends in a clean failure.
/// The gate learns of a disconnection from ConnectedStatus, a 1-minute metric: one that began less
/// than a minute ago is found by RunInstances instead, which sends the run back to the gate.
/// </summary>
public sealed class DisconnectedOutpostTests
{
    [Fact]
    public async Task Started_while_disconnected_the_run_waits_at_the_gate_and_completes_after_the_Outpost_reconnects()
    {
        var world = new ChaosWorld();
        var back = world.DisconnectedSince(TimeSpan.FromMinutes(5), backAfter: TimeSpan.FromMinutes(20)).AddMinutes(20);
        var request = ChaosWorld.Request("web-service", "paused", instanceCount: 2, maxWaitSeconds: 3600);

        var execution = await world.RunAsync(request, "paused");

        Assert.Equal("SUCCEEDED", execution.Status);
        Assert.True(ChaosWorld.StatesEntered(execution).Count(s => s == "WaitForCapacity") >= 2);
        Assert.All(world.Cloud.Calls.All.Where(c => c.IsMutating), c => Assert.True(c.At >= back, $"{c.Operation} at {c.At:T}, before the link was back"));
        Assert.Equal(ChaosWorld.NonZero(ExpectedInventory.For(request, "paused")).OrderBy(e => e.Key), world.Inventory("paused").OrderBy(e => e.Key));
    }

    [Fact]
    public async Task While_disconnected_the_gate_says_so()
    {
        var world = new ChaosWorld();
        world.DisconnectedSince(TimeSpan.FromMinutes(5), backAfter: TimeSpan.FromMinutes(10));

        var execution = await world.RunAsync(ChaosWorld.Request("batch-task", "gate-says"), "gate-says");

        var gate = execution.History.First(e => e.Type == "TaskStateExited" && e.StateName == "CheckCapacity");
        Assert.Contains("disconnected", gate.Details!["output"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_disconnection_while_the_instances_register_pauses_the_run_until_the_link_is_back()
    {
        var world = new ChaosWorld();
        world.Cloud.SetConnected(false, world.Start.AddSeconds(10));
        world.Cloud.SetConnected(true, world.Start.AddMinutes(4));
        var request = ChaosWorld.Request("batch-task", "registering", instanceCount: 2);

        var execution = await world.RunAsync(request, "registering");

        Assert.Equal("SUCCEEDED", execution.Status);
        Assert.True(execution.Duration >= TimeSpan.FromMinutes(4), $"done after {execution.Duration}");
        Assert.Equal(ChaosWorld.NonZero(ExpectedInventory.For(request, "registering")).OrderBy(e => e.Key), world.Inventory("registering").OrderBy(e => e.Key));
    }

    [Fact]
    public async Task Disconnected_for_longer_than_the_wait_the_run_fails_CapacityUnavailable_having_created_nothing()
    {
        var world = new ChaosWorld();
        world.DisconnectedSince(TimeSpan.FromMinutes(5));

        var execution = await world.RunAsync(ChaosWorld.Request("web-service", "cut-off", maxWaitSeconds: 900), "cut-off");

        Assert.Equal("FAILED", execution.Status);
        Assert.Equal("Provisioning.CapacityUnavailable", execution.Error);
        Assert.Contains("disconnected", execution.Cause);
        Assert.Equal(0, world.Cloud.Calls.MutatingTotal);
        Assert.Empty(world.Cloud.Resources());
    }

    [Fact]
    public async Task A_disconnection_that_outlasts_the_registration_wait_fails_cleanly_once_rollback_reaches_the_Outpost()
    {
        var world = new ChaosWorld();
        var back = world.Start.AddMinutes(40);
        // After the launch, which waits out the new instance profile's propagation (about 24 virtual seconds).
        world.Cloud.SetConnected(false, world.Start.AddSeconds(30));
        world.Cloud.SetConnected(true, back);

        var execution = await world.RunAsync(ChaosWorld.Request("batch-task", "stranded", instanceCount: 2), "stranded");

        Assert.Equal("FAILED", execution.Status);
        Assert.Contains("Rollback", ChaosWorld.StatesEntered(execution));
        Assert.True(execution.StopDate >= back);
        Assert.Empty(world.Owned("stranded"));
        Assert.Empty(world.Cloud.Resources());
    }
}
