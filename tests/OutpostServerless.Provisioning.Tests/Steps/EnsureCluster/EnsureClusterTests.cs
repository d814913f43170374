using OutpostServerless.Aws.Ecs;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class EnsureClusterTests
{
    [Fact]
    public async Task EnsureCluster_creates_a_tagged_cluster_with_the_planned_name()
    {
        var world = ProvisioningWorld.Create();

        var cluster = await world.EnsureClusterAsync();

        var described = (await world.Aws.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [cluster.ClusterArn], Include = ["TAGS"] })).Clusters.Single();
        Assert.Equal((world.Plan.Cluster.Name, "ACTIVE"), (described.ClusterName, described.Status));
        Assert.True(ProvisioningTags.CarriesProvisioningId(described.Tags, world.Plan.ProvisioningId));
    }

    [Fact]
    public async Task EnsureCluster_called_twice_creates_one_cluster_and_the_second_call_changes_nothing()
    {
        var world = ProvisioningWorld.Create();
        var (first, second, mutating) = await world.RunTwiceAsync(world.EnsureClusterAsync);

        Assert.Equal(first, second);
        Assert.Equal(0, mutating);
    }

    [Fact]
    public async Task EnsureCluster_never_adopts_an_active_cluster_of_the_same_name_it_did_not_make()
    {
        var world = ProvisioningWorld.Create();
        await world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = world.Plan.Cluster.Name });

        var error = await Assert.ThrowsAsync<ResourceConflictException>(() => world.EnsureClusterAsync());

        Assert.Equal(world.Plan.Cluster.Name, error.ResourceId);
        Assert.Equal(1, world.Cloud.Calls.Count("ecs:CreateCluster"));
    }
}
