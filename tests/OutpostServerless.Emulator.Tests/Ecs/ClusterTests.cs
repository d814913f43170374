using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Ecs;

public sealed class ClusterTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task CreateCluster_twice_returns_the_same_cluster()
    {
        var first = await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "MyCluster", Tags = [new("team", "a")] });

        var second = await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "MyCluster", Tags = [new("team", "b")] });

        Assert.Equal("arn:aws:ecs:us-west-2:123456789012:cluster/MyCluster", second.Cluster.ClusterArn);
        Assert.Equal(first.Cluster.ClusterArn, second.Cluster.ClusterArn);
        Assert.Equal([new EcsTag("team", "a")], second.Cluster.Tags);
    }

    [Fact]
    public async Task DescribeClusters_reports_a_missing_cluster_as_a_MISSING_failure()
    {
        await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "present" });

        var response = await _world.Aws.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = ["present", "absent"] });

        Assert.Equal(["present"], response.Clusters.Select(c => c.ClusterName));
        var failure = Assert.Single(response.Failures);
        Assert.Equal("MISSING", failure.Reason);
        Assert.Equal("arn:aws:ecs:us-west-2:123456789012:cluster/absent", failure.Arn);
    }

    [Fact]
    public async Task CreateCluster_with_a_name_ECS_rejects_fails_InvalidParameterException() =>
        await AwsAssert.ServiceErrorAsync(EcsErrorCodes.InvalidParameterException,
            () => _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "my cluster" }));

    [Fact]
    public async Task DeleteCluster_leaves_it_INACTIVE_and_CreateCluster_makes_it_ACTIVE_again()
    {
        await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "c" });

        var deleted = await _world.Aws.Ecs.DeleteClusterAsync(new DeleteClusterRequest("c"));
        var recreated = await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "c" });

        Assert.Equal("INACTIVE", deleted.Cluster.Status);
        Assert.Equal("ACTIVE", recreated.Cluster.Status);
    }

    [Fact]
    public async Task DeleteCluster_of_a_missing_cluster_fails_ClusterNotFoundException() =>
        await AwsAssert.ServiceErrorAsync(EcsErrorCodes.ClusterNotFoundException, () => _world.Aws.Ecs.DeleteClusterAsync(new DeleteClusterRequest("nope")));

    [Fact]
    public async Task DeleteCluster_with_registered_container_instances_fails_ClusterContainsContainerInstancesException()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync();

        await AwsAssert.ServiceErrorAsync(EcsErrorCodes.ClusterContainsContainerInstancesException,
            () => _world.Aws.Ecs.DeleteClusterAsync(new DeleteClusterRequest(cluster)));
    }

    [Fact]
    public async Task DeleteCluster_with_an_active_service_fails_ClusterContainsServicesException()
    {
        await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "c" });
        var definition = await _world.TaskDefinitionAsync();
        await _world.Aws.Ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = "c", ServiceName = "svc", TaskDefinition = definition, DesiredCount = 0 });

        await AwsAssert.ServiceErrorAsync(EcsErrorCodes.ClusterContainsServicesException, () => _world.Aws.Ecs.DeleteClusterAsync(new DeleteClusterRequest("c")));
    }

    [Fact]
    public async Task DescribeClusters_counts_registered_instances_and_running_tasks()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync(instances: 2);
        await _world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = cluster, TaskDefinition = await _world.TaskDefinitionAsync(), Count = 2 });
        _world.Advance(_world.Cloud.Options.Timings.TaskStart);

        var described = await _world.Aws.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [cluster] });

        Assert.Equal(2, described.Clusters[0].RegisteredContainerInstancesCount);
        Assert.Equal(2, described.Clusters[0].RunningTasksCount);
    }

    [Fact]
    public async Task The_first_CreateCluster_of_an_account_creates_ECSs_service_linked_role_as_ECS_does()
    {
        await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "c" });

        var role = await _world.Aws.Iam.GetRoleAsync(new GetRoleRequest("AWSServiceRoleForECS"));

        Assert.Equal("/aws-service-role/ecs.amazonaws.com/", role.Role.Path);
        Assert.Equal(0, _world.Cloud.Calls.Count("iam:CreateServiceLinkedRole"));
    }

    [Fact]
    public async Task CreateService_without_ECSs_service_linked_role_fails_InvalidParameterException_with_ECSs_message()
    {
        var world = new TestWorld(new EmulatorOptions { ClusterCreatorsMayCreateServiceLinkedRole = false });
        await world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "c" });
        var definition = await world.TaskDefinitionAsync();

        var error = await AwsAssert.ServiceErrorAsync(EcsErrorCodes.InvalidParameterException,
            () => world.Aws.Ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = "c", ServiceName = "svc", TaskDefinition = definition, DesiredCount = 0 }));
        await world.Aws.Iam.CreateServiceLinkedRoleAsync(new CreateServiceLinkedRoleRequest { AwsServiceName = "ecs.amazonaws.com" });
        var created = await world.Aws.Ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = "c", ServiceName = "svc", TaskDefinition = definition, DesiredCount = 0 });

        Assert.Equal("Unable to assume the service linked role. Please verify that the ECS service linked role exists.", error.Message);
        Assert.Equal("ACTIVE", created.Service.Status);
    }
}
