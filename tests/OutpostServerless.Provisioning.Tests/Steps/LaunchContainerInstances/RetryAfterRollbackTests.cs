using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

/// <summary>Fix and retry under the same provisioning id works after a rollback.</summary>
public sealed class RetryAfterRollbackTests
{
    [Fact]
    public async Task A_launch_after_a_rollback_into_a_new_subnet_is_not_refused_as_a_reused_client_token()
    {
        var world = ProvisioningWorld.Create();
        var first = await world.ProvisionAsync(Stage.Instances);
        await world.RollbackUntilDoneAsync();

        var retry = world.NextExecution();
        var second = await retry.ProvisionAsync(Stage.Instances);

        Assert.NotEqual(first.Subnet!.SubnetId, second.Subnet!.SubnetId);
        Assert.Equal(world.Plan.Cluster.InstanceCount, second.Instances!.InstanceIds.Count);
        Assert.Empty(first.Instances!.InstanceIds.Intersect(second.Instances.InstanceIds));
    }
}
