using Amazon.EC2.Model;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Ecs;

public sealed class ContainerInstanceRegistrationTests
{
    private readonly TestWorld _world = new();

    private async Task<(string Subnet, string Profile)> NetworkAndProfileAsync()
    {
        var subnet = await _world.OutpostSubnetAsync(await _world.VpcAsync());
        return (subnet, await _world.EcsInstanceProfileAsync());
    }

    private async Task<IReadOnlyList<ContainerInstance>> ContainerInstancesAsync(string cluster)
    {
        var arns = await _world.Aws.Ecs.ListContainerInstancesAsync(new ListContainerInstancesRequest { Cluster = cluster });
        if (arns.ContainerInstanceArns.Count == 0)
        {
            return [];
        }

        var described = await _world.Aws.Ecs.DescribeContainerInstancesAsync(new DescribeContainerInstancesRequest
        {
            Cluster = cluster,
            ContainerInstances = arns.ContainerInstanceArns,
            Include = ["TAGS"],
        });
        return described.ContainerInstances;
    }

    [Fact]
    public async Task An_instance_whose_user_data_names_the_cluster_registers_after_30_virtual_seconds()
    {
        var (subnet, profile) = await NetworkAndProfileAsync();
        await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "MyCluster" });
        var launch = await _world.LaunchAsync(subnet, userData: TestWorld.UserData("MyCluster"), profile: profile);

        _world.Advance(TimeSpan.FromSeconds(29));
        var early = await ContainerInstancesAsync("MyCluster");
        _world.Advance(TimeSpan.FromSeconds(1));
        var registered = await ContainerInstancesAsync("MyCluster");

        Assert.Empty(early);
        var instance = Assert.Single(registered);
        Assert.Equal(launch.Reservation.Instances[0].InstanceId, instance.Ec2InstanceId);
        Assert.Equal("ACTIVE", instance.Status);
        Assert.True(instance.AgentConnected);
    }

    [Fact]
    public async Task A_container_instance_on_the_Outpost_carries_the_outpost_arn_attribute_and_the_configured_tags()
    {
        var (subnet, profile) = await NetworkAndProfileAsync();
        await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "MyCluster" });
        await _world.LaunchAsync(subnet, userData: TestWorld.UserData("MyCluster", """{"environment": "Outpost"}"""), profile: profile);

        _world.Advance(TimeSpan.FromSeconds(30));
        var instance = Assert.Single(await ContainerInstancesAsync("MyCluster"));

        Assert.Contains(new EcsAttribute("ecs.outpost-arn", _world.Cloud.DefaultOutpostArn), instance.Attributes);
        Assert.Equal([new EcsTag("environment", "Outpost")], instance.Tags);
    }

    [Fact]
    public async Task Typographic_quotes_in_ECS_CONTAINER_INSTANCE_TAGS_keep_the_agent_from_registering()
    {
        var (subnet, profile) = await NetworkAndProfileAsync();
        await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "MyCluster" });
        await _world.LaunchAsync(subnet, userData: TestWorld.UserData("MyCluster", "{\u201cenvironment\u201d: \u201dOutpost\u201d}"), profile: profile);

        _world.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(await ContainerInstancesAsync("MyCluster"));
    }

    [Fact]
    public async Task An_instance_without_an_instance_profile_never_registers()
    {
        var (subnet, _) = await NetworkAndProfileAsync();
        await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "MyCluster" });
        await _world.LaunchAsync(subnet, userData: TestWorld.UserData("MyCluster"));

        _world.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(await ContainerInstancesAsync("MyCluster"));
    }

    [Fact]
    public async Task An_instance_whose_role_lacks_ECS_permissions_never_registers()
    {
        var subnet = await _world.OutpostSubnetAsync(await _world.VpcAsync());
        await _world.Aws.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "bare", AssumeRolePolicyDocument = TestWorld.Ec2TrustPolicy });
        await _world.Aws.Iam.CreateInstanceProfileAsync(new CreateInstanceProfileRequest { InstanceProfileName = "bare" });
        await _world.Aws.Iam.AddRoleToInstanceProfileAsync(new AddRoleToInstanceProfileRequest("bare", "bare"));
        await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "MyCluster" });
        _world.Advance(_world.Cloud.Options.Timings.InstanceProfilePropagation);
        await _world.LaunchAsync(subnet, userData: TestWorld.UserData("MyCluster"), profile: "bare");

        _world.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(await ContainerInstancesAsync("MyCluster"));
    }

    [Fact]
    public async Task An_agent_keeps_retrying_until_its_cluster_exists()
    {
        var (subnet, profile) = await NetworkAndProfileAsync();
        await _world.LaunchAsync(subnet, userData: TestWorld.UserData("LateCluster"), profile: profile);
        _world.Advance(TimeSpan.FromMinutes(2));
        await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "LateCluster" });

        _world.Advance(TimeSpan.FromSeconds(1));

        Assert.Single(await ContainerInstancesAsync("LateCluster"));
    }

    [Fact]
    public async Task An_agent_on_a_disconnected_Outpost_registers_only_once_the_link_is_back()
    {
        var (subnet, profile) = await NetworkAndProfileAsync();
        await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "MyCluster" });
        await _world.LaunchAsync(subnet, userData: TestWorld.UserData("MyCluster"), profile: profile);
        _world.Cloud.SetConnected(false);
        _world.Advance(TimeSpan.FromMinutes(1));
        var whileDown = await ContainerInstancesAsync("MyCluster");

        _world.Cloud.SetConnected(true);

        Assert.Empty(whileDown);
        Assert.Single(await ContainerInstancesAsync("MyCluster"));
    }

    [Fact]
    public async Task The_agent_remembers_the_image_pull_behavior_it_was_configured_with()
    {
        var (_, instanceIds, _) = await _world.RegisteredClusterAsync();

        await _world.Aws.Ecs.ListContainerInstancesAsync(new ListContainerInstancesRequest { Cluster = "outpost-cluster" });

        Assert.Equal("prefer-cached", _world.Cloud.AgentConfiguration(instanceIds[0])?.ImagePullBehavior);
    }

    [Fact]
    public async Task A_shutting_down_instance_stays_registered_with_its_agent_disconnected_until_it_is_terminated()
    {
        var (cluster, instanceIds, _) = await _world.RegisteredClusterAsync();

        await _world.Aws.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [.. instanceIds] });
        var whileShuttingDown = Assert.Single(await ContainerInstancesAsync(cluster));
        _world.Advance(_world.Cloud.Options.Timings.InstanceTermination);

        Assert.Equal(("ACTIVE", false), (whileShuttingDown.Status, whileShuttingDown.AgentConnected));
        Assert.Empty(await ContainerInstancesAsync(cluster));
    }

    [Fact]
    public async Task DeleteCluster_during_instance_shutdown_is_refused_ClusterContainsContainerInstancesException_and_succeeds_once_it_is_terminated()
    {
        var (cluster, instanceIds, _) = await _world.RegisteredClusterAsync();
        await _world.Aws.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [.. instanceIds] });

        var refused = await AwsAssert.ServiceErrorAsync(EcsErrorCodes.ClusterContainsContainerInstancesException,
            () => _world.Aws.Ecs.DeleteClusterAsync(new DeleteClusterRequest(cluster)));
        _world.Advance(_world.Cloud.Options.Timings.InstanceTermination);
        var deleted = await _world.Aws.Ecs.DeleteClusterAsync(new DeleteClusterRequest(cluster));

        // ECS's own wording for this refusal.
        Assert.Equal("The Cluster cannot be deleted while Container Instances are active or draining.", refused.Message);
        Assert.Equal("INACTIVE", deleted.Cluster.Status);
    }

    [Fact]
    public async Task The_tasks_of_a_terminating_instance_stop_when_its_agent_reports_them_not_when_termination_is_asked()
    {
        var (cluster, instanceIds, _) = await _world.RegisteredClusterAsync();
        var run = await _world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = cluster, TaskDefinition = await _world.TaskDefinitionAsync() });
        _world.Advance(_world.Cloud.Options.Timings.TaskStart);
        var taskArn = run.Tasks[0].TaskArn;
        await _world.Aws.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [.. instanceIds] });

        var asked = (await _world.Aws.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = [taskArn] })).Tasks[0];
        _world.Advance(_world.Cloud.Options.Timings.TaskStop);
        var reported = (await _world.Aws.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = [taskArn] })).Tasks[0];

        Assert.Equal(("RUNNING", "STOPPED"), (asked.LastStatus, asked.DesiredStatus));
        Assert.Equal(("STOPPED", $"Host EC2 (instance {instanceIds[0]}) terminated."), (reported.LastStatus, reported.StoppedReason));
        // The container instance is still registered: the instance has not finished terminating.
        Assert.Single(await ContainerInstancesAsync(cluster));
    }

    [Fact]
    public async Task DeregisterContainerInstance_with_running_tasks_fails_unless_forced()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync();
        await _world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = cluster, TaskDefinition = await _world.TaskDefinitionAsync() });
        var arn = (await _world.Aws.Ecs.ListContainerInstancesAsync(new ListContainerInstancesRequest { Cluster = cluster })).ContainerInstanceArns[0];

        await AwsAssert.ServiceErrorAsync(EcsErrorCodes.InvalidParameterException,
            () => _world.Aws.Ecs.DeregisterContainerInstanceAsync(new DeregisterContainerInstanceRequest { Cluster = cluster, ContainerInstance = arn }));
        var forced = await _world.Aws.Ecs.DeregisterContainerInstanceAsync(new DeregisterContainerInstanceRequest { Cluster = cluster, ContainerInstance = arn, Force = true });

        Assert.Equal("INACTIVE", forced.ContainerInstance.Status);
    }
}
