using OutpostServerless.Aws.Ecs;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class CheckContainerInstancesTests
{
    [Fact]
    public async Task CheckContainerInstances_is_pending_until_the_agents_have_registered()
    {
        var world = ProvisioningWorld.Create();
        var resources = await world.ProvisionAsync(Stage.Instances);

        var error = await Assert.ThrowsAsync<ContainerInstancesPendingException>(() => world.CheckContainerInstancesAsync(resources));

        Assert.Equal("Provisioning.ContainerInstancesPending", error.ErrorName);
        Assert.Equal((0, world.Plan.Cluster.InstanceCount), (error.Registered, error.Expected));
        Assert.Contains($"0 of {world.Plan.Cluster.InstanceCount}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckContainerInstances_returns_our_container_instances_once_all_are_active()
    {
        var world = ProvisioningWorld.Create();
        var resources = await world.ProvisionAsync(Stage.Instances);
        world.Clock.Advance(ProvisioningWorld.AgentRegistrationTime);

        var registered = await world.CheckContainerInstancesAsync(resources);

        var described = await world.Aws.Ecs.DescribeContainerInstancesAsync(new DescribeContainerInstancesRequest
        {
            Cluster = world.Plan.Cluster.Name,
            ContainerInstances = registered.ContainerInstanceArns,
        });
        Assert.Equal(
            resources.Instances!.InstanceIds.Order(StringComparer.Ordinal),
            described.ContainerInstances.Select(c => c.Ec2InstanceId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CheckContainerInstances_makes_no_mutating_call()
    {
        var world = ProvisioningWorld.Create();
        var resources = await world.ProvisionAsync(Stage.Instances);
        world.Clock.Advance(ProvisioningWorld.AgentRegistrationTime);

        Assert.Equal(0, await world.MutatingCallsOf(() => world.CheckContainerInstancesAsync(resources)));
    }
}
