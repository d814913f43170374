using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

/// <summary>
/// An Outpost cut off from its Region cannot terminate its instances (EC2 answers ServiceUnavailable):
/// Rollback deletes what the Region can delete and waits for the link, instead of failing for good.
/// </summary>
public sealed class RollbackWhileDisconnectedTests
{
    [Fact]
    public async Task Rollback_while_the_Outpost_is_disconnected_waits_with_RollbackPending_naming_the_unreachable_instances()
    {
        var world = ProvisioningWorld.Create();
        var resources = await world.ProvisionAsync(Stage.Instances);
        world.Cloud.SetConnected(false);

        var pending = await Assert.ThrowsAsync<RollbackPendingException>(() => world.RollbackAsync());

        Assert.Equal(resources.Instances!.InstanceIds, pending.UnreachableInstanceIds);
        Assert.Empty(pending.ShuttingDownInstanceIds);
        Assert.Contains("reconnect", pending.Message);
        Assert.DoesNotContain(pending.DeletedSoFar, d => d.Type == "ec2:instance");
    }

    [Fact]
    public async Task Rollback_while_disconnected_still_deletes_what_lives_in_the_Region()
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync(Stage.Instances);
        world.Cloud.SetConnected(false);

        var pending = await Assert.ThrowsAsync<RollbackPendingException>(() => world.RollbackAsync());

        Assert.Equal(["ecs:cluster", "iam:instance-profile", "iam:role"], pending.DeletedSoFar.Select(d => d.Type).Where(t => t != "ecs:container-instance"));
        Assert.Contains(world.ResourcesTaggedOurs(), r => r.Type == "instance");
        Assert.Contains(world.ResourcesTaggedOurs(), r => r.Type == "vpc");
    }

    [Fact]
    public async Task Rollback_finishes_the_job_once_the_Outpost_is_back()
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync(Stage.Workload);
        world.Cloud.SetConnected(false);
        await Assert.ThrowsAsync<RollbackPendingException>(() => world.RollbackAsync());

        world.Cloud.SetConnected(true);
        await world.RollbackUntilDoneAsync();
        world.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Empty(world.ResourcesTaggedOurs());
    }
}
