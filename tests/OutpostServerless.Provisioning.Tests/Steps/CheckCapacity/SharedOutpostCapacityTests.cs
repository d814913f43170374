using OutpostServerless.Emulator;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

/// <summary>
/// An Outpost shared with this account through AWS RAM: its AWS/Outposts metrics stay in the owner's account,
/// so the gate works from what the consumer can see.
/// </summary>
public sealed class SharedOutpostCapacityTests
{
    private const string OwnerAccountId = "111122223333";
    private const string SharedOutpostArn = "arn:aws:outposts:us-west-2:" + OwnerAccountId + ":outpost/" + TestPlans.OutpostId;

    private static ProvisioningWorld SharedWorld() => ProvisioningWorld.Create(
        plan => plan with { OutpostArn = SharedOutpostArn },
        new EmulatorOptions { Outposts = [OutpostOption.DefaultRack with { OwnerAccountId = OwnerAccountId }] });

    [Fact]
    public async Task On_a_shared_Outpost_the_gate_opens_on_its_instance_types_and_says_so()
    {
        var world = SharedWorld();

        var gate = await world.CheckCapacityAsync();

        Assert.Equal((true, false, CapacitySource.InstanceTypes), (gate.HasCapacity, gate.Exhausted, gate.CapacitySource));
        Assert.Contains($"its owner is account {OwnerAccountId}", gate.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_shared_Outpost_a_rejected_launch_with_the_budget_spent_exhausts_the_gate()
    {
        var world = SharedWorld();

        var gate = await world.CheckCapacityAsync(waitedSeconds: world.Plan.CapacityWait.MaxSeconds, launchRejected: true);

        Assert.Equal((false, true), (gate.HasCapacity, gate.Exhausted));
    }

    [Fact]
    public async Task On_an_Outpost_of_this_account_the_gate_reads_its_metrics()
    {
        var world = ProvisioningWorld.Create();
        world.SetFreeSlotsAndPublish(world.Plan.Cluster.InstanceType, 5);

        var gate = await world.CheckCapacityAsync();

        Assert.Equal(CapacitySource.Metrics, gate.CapacitySource);
    }

    [Fact]
    public async Task A_shared_Outpost_is_provisioned_like_an_owned_one()
    {
        var world = SharedWorld();

        var resources = await world.ProvisionAsync();

        Assert.Equal(world.Plan.Cluster.InstanceCount, resources.Instances!.InstanceIds.Count);
    }
}
