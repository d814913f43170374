using OutpostServerless.Aws.Ecs;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Ecs;

public sealed class ServiceTests
{
    private readonly TestWorld _world = new();

    private async Task<EcsService> DescribeAsync(string cluster, string service) =>
        (await _world.Aws.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [service] })).Services.Single();

    [Fact]
    public async Task CreateService_with_the_same_name_and_parameters_returns_the_existing_service()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync();
        var definition = await _world.TaskDefinitionAsync();
        var request = new CreateServiceRequest { Cluster = cluster, ServiceName = "outpost-service", TaskDefinition = definition, DesiredCount = 1, ClientToken = "prov-1" };

        var first = await _world.Aws.Ecs.CreateServiceAsync(request);
        var second = await _world.Aws.Ecs.CreateServiceAsync(request);

        Assert.Equal(first.Service.ServiceArn, second.Service.ServiceArn);
        var listed = await _world.Aws.Ecs.ListTasksAsync(new ListTasksRequest { Cluster = cluster, ServiceName = "outpost-service" });
        Assert.Single(listed.TaskArns);
    }

    [Fact]
    public async Task CreateService_with_the_same_name_and_other_parameters_fails_as_not_idempotent()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync();
        var definition = await _world.TaskDefinitionAsync();
        await _world.Aws.Ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = cluster, ServiceName = "outpost-service", TaskDefinition = definition, DesiredCount = 1 });

        var error = await AwsAssert.ServiceErrorAsync(EcsErrorCodes.InvalidParameterException, () => _world.Aws.Ecs.CreateServiceAsync(
            new CreateServiceRequest { Cluster = cluster, ServiceName = "outpost-service", TaskDefinition = definition, DesiredCount = 2 }));

        Assert.Equal("Creation of service was not idempotent.", error.Message);
    }

    [Fact]
    public async Task A_service_converges_on_its_desired_count()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync(instances: 2);
        var definition = await _world.TaskDefinitionAsync();
        await _world.Aws.Ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = cluster, ServiceName = "svc", TaskDefinition = definition, DesiredCount = 3 });

        _world.Advance(_world.Cloud.Options.Timings.TaskStart);
        var service = await DescribeAsync(cluster, "svc");

        Assert.Equal(3, service.RunningCount);
        Assert.Equal(definition, service.TaskDefinition);
    }

    [Fact]
    public async Task UpdateService_scales_the_running_tasks()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync(instances: 2);
        await _world.Aws.Ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = cluster, ServiceName = "svc", TaskDefinition = await _world.TaskDefinitionAsync(), DesiredCount = 3 });
        _world.Advance(TimeSpan.FromMinutes(1));

        await _world.Aws.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = "svc", DesiredCount = 1 });
        _world.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, (await DescribeAsync(cluster, "svc")).RunningCount);
    }

    [Fact]
    public async Task A_service_replaces_tasks_lost_with_a_terminated_instance()
    {
        var (cluster, instanceIds, _) = await _world.RegisteredClusterAsync(instances: 2);
        await _world.Aws.Ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = cluster, ServiceName = "svc", TaskDefinition = await _world.TaskDefinitionAsync(), DesiredCount = 2 });
        _world.Advance(TimeSpan.FromMinutes(1));

        await _world.Aws.Ec2.TerminateInstancesAsync(new Amazon.EC2.Model.TerminateInstancesRequest { InstanceIds = [instanceIds[0]] });
        _world.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(2, (await DescribeAsync(cluster, "svc")).RunningCount);
    }

    [Fact]
    public async Task DeleteService_scaled_above_zero_fails_unless_forced()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync();
        await _world.Aws.Ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = cluster, ServiceName = "svc", TaskDefinition = await _world.TaskDefinitionAsync(), DesiredCount = 1 });

        await AwsAssert.ServiceErrorAsync(EcsErrorCodes.InvalidParameterException,
            () => _world.Aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = cluster, Service = "svc" }));
        var deleted = await _world.Aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = cluster, Service = "svc", Force = true });

        Assert.Equal("DRAINING", deleted.Service.Status);
    }

    [Fact]
    public async Task A_deleted_service_becomes_INACTIVE_once_its_tasks_have_stopped()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync();
        await _world.Aws.Ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = cluster, ServiceName = "svc", TaskDefinition = await _world.TaskDefinitionAsync(), DesiredCount = 1 });
        await _world.Aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = cluster, Service = "svc", Force = true });

        _world.Advance(_world.Cloud.Options.Timings.TaskStop);

        Assert.Equal("INACTIVE", (await DescribeAsync(cluster, "svc")).Status);
    }

    [Fact]
    public async Task UpdateService_of_a_missing_service_fails_ServiceNotFoundException()
    {
        await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "c" });

        await AwsAssert.ServiceErrorAsync(EcsErrorCodes.ServiceNotFoundException,
            () => _world.Aws.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = "c", Service = "svc", DesiredCount = 1 }));
    }
}
