using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

/// <summary>The teardown steps one by one, on the emulated account (the state machine's order is proven in the Cli tests).</summary>
public sealed class TeardownStepsTests
{
    [Fact]
    public async Task TeardownCluster_force_deregisters_container_instances_still_registered_then_deletes_the_cluster()
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync(Stage.TaskDefinition); // the agents have registered

        var result = await new TeardownCluster(world.Aws, NullLogger<TeardownCluster>.Instance).RunAsync(new TeardownInput(world.Plan), CancellationToken.None);

        Assert.Equal(world.Plan.Cluster.InstanceCount, result.Deleted.Count(d => d.Type == "ecs:container-instance"));
        Assert.Equal("ecs:cluster", result.Deleted[^1].Type);
    }

    [Fact]
    public async Task TeardownNetwork_waits_with_TeardownPending_while_instances_are_still_terminating_and_deletes_nothing_meanwhile()
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync(Stage.Instances);
        var input = new TeardownInput(world.Plan);
        await new TeardownInstances(world.Aws, NullLogger<TeardownInstances>.Instance).RunAsync(input, CancellationToken.None);
        var mutatingBefore = world.Cloud.Calls.MutatingTotal;

        var pending = await Assert.ThrowsAsync<TeardownPendingException>(() =>
            new TeardownNetwork(world.Aws, NullLogger<TeardownNetwork>.Instance).RunAsync(input, CancellationToken.None));

        Assert.Equal("Provisioning.TeardownPending", pending.ErrorName);
        Assert.Equal(mutatingBefore, world.Cloud.Calls.MutatingTotal);
        Assert.Contains(world.ResourcesTaggedOurs(), r => r.Type == "subnet");
    }

    [Fact]
    public async Task TeardownWorkload_leaves_the_revisions_of_another_provisioning_in_the_same_family_alone()
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync(Stage.TaskDefinition);
        var other = world.WithPlan(p => p with { ProvisioningId = "other-provisioning" });
        var theirs = await other.RegisterTaskDefinitionAsync();

        await new TeardownWorkload(world.Aws, NullLogger<TeardownWorkload>.Instance).RunAsync(new TeardownInput(world.Plan), CancellationToken.None);

        var described = await world.Aws.Ecs.DescribeTaskDefinitionAsync(new OutpostServerless.Aws.Ecs.DescribeTaskDefinitionRequest { TaskDefinition = theirs.TaskDefinitionArn }, CancellationToken.None);
        Assert.Equal("ACTIVE", described.TaskDefinition.Status);
    }
}
