using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Emulator;
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

    [Fact]
    public async Task EnsureCluster_gives_a_fresh_account_ECSs_service_linked_role_even_when_CreateCluster_cannot()
    {
        var world = ProvisioningWorld.Create(options: new EmulatorOptions { ClusterCreatorsMayCreateServiceLinkedRole = false });

        await world.EnsureClusterAsync();

        var role = (await world.Aws.Iam.GetRoleAsync(new GetRoleRequest("AWSServiceRoleForECS"))).Role;
        Assert.Equal("/aws-service-role/ecs.amazonaws.com/", role.Path);
        Assert.Equal(1, world.Cloud.Calls.Count("iam:CreateServiceLinkedRole"));
    }

    [Fact]
    public async Task EnsureCluster_takes_an_existing_service_linked_role_as_it_is()
    {
        var world = ProvisioningWorld.Create();
        await world.Aws.Iam.CreateServiceLinkedRoleAsync(new CreateServiceLinkedRoleRequest { AwsServiceName = "ecs.amazonaws.com" });

        var cluster = await world.EnsureClusterAsync();

        Assert.Equal(world.Plan.Cluster.Name, cluster.ClusterName);
    }

    [Fact]
    public async Task A_service_can_be_created_in_an_account_whose_cluster_creation_could_not_make_the_service_linked_role()
    {
        var world = ProvisioningWorld.Create(options: new EmulatorOptions { ClusterCreatorsMayCreateServiceLinkedRole = false });

        var resources = await world.ProvisionAsync();

        Assert.NotNull(resources.Workload);
        Assert.Equal(1, world.Cloud.Calls.Count("ecs:CreateService"));
    }
}
