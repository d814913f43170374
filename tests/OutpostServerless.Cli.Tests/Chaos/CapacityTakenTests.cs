using OutpostServerless.Cli.Chaos;
using OutpostServerless.Emulator.Calls;

namespace OutpostServerless.Cli.Tests.Chaos;

/// <summary>Another tenant launches between the gate's check and our RunInstances: RunInstances is the authority.</summary>
public sealed class CapacityTakenTests
{
    [Fact]
    public async Task Capacity_taken_between_the_gate_and_the_launch_sends_the_run_back_to_the_gate_until_it_is_free_again()
    {
        var world = new ChaosWorld();
        world.Cloud.Faults.Queue("ec2:RunInstances", FaultKind.CapacityTaken, capacityHold: TimeSpan.FromMinutes(15));
        var request = ChaosWorld.Request("web-service", "outbid", instanceCount: 2, maxWaitSeconds: 3600);

        var execution = await world.RunAsync(request, "outbid");

        var states = ChaosWorld.StatesEntered(execution);
        Assert.Equal("SUCCEEDED", execution.Status);
        Assert.Contains("MarkLaunchRejected", states);
        Assert.True(states.Count(s => s == "LaunchContainerInstances") >= 2);
        Assert.Equal(ChaosWorld.NonZero(ExpectedInventory.For(request, "outbid")).OrderBy(e => e.Key), world.Inventory("outbid").OrderBy(e => e.Key));
    }

    [Fact]
    public async Task Capacity_taken_for_longer_than_the_wait_fails_CapacityUnavailable_leaving_nothing()
    {
        var world = new ChaosWorld();
        world.Cloud.Faults.Queue("ec2:RunInstances", FaultKind.CapacityTaken, capacityHold: TimeSpan.FromHours(3));

        var execution = await world.RunAsync(ChaosWorld.Request("web-service", "outbid-long", maxWaitSeconds: 900), "outbid-long");

        Assert.Equal("FAILED", execution.Status);
        Assert.Equal("Provisioning.CapacityUnavailable", execution.Error);
        Assert.Empty(world.Owned("outbid-long"));
    }
}
