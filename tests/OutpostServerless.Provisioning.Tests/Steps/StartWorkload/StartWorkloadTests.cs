using System.Text.Json.Nodes;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class StartWorkloadTests
{
    [Fact]
    public async Task StartWorkload_creates_the_service_with_the_ec2_launch_type_and_our_tags()
    {
        var world = ProvisioningWorld.Create();
        var resources = await world.ProvisionAsync(Stage.TaskDefinition);

        var workload = await world.StartWorkloadAsync(resources);

        var service = (await world.Aws.Ecs.DescribeServicesAsync(new DescribeServicesRequest
        {
            Cluster = world.Plan.Cluster.Name,
            Services = [workload.ServiceArn!],
            Include = ["TAGS"],
        })).Services.Single();
        Assert.Equal(("service", "EC2", world.Plan.Workload.DesiredCount, resources.TaskDefinition!.TaskDefinitionArn),
            (workload.Mode, service.LaunchType, service.DesiredCount, service.TaskDefinition));
        Assert.True(ProvisioningTags.CarriesProvisioningId(service.Tags, world.Plan.ProvisioningId));
    }

    [Fact]
    public async Task StartWorkload_called_twice_creates_one_service_and_the_second_call_changes_nothing()
    {
        var world = ProvisioningWorld.Create();
        var resources = await world.ProvisionAsync(Stage.TaskDefinition);
        var (first, second, mutating) = await world.RunTwiceAsync(() => world.StartWorkloadAsync(resources));

        Assert.Equal(first.ServiceArn, second.ServiceArn);
        Assert.Equal(0, mutating);
    }

    [Fact]
    public async Task StartWorkload_never_adopts_a_service_of_the_same_name_it_did_not_make()
    {
        var world = ProvisioningWorld.Create();
        var resources = await world.ProvisionAsync(Stage.TaskDefinition);
        await world.Aws.Ecs.CreateServiceAsync(new CreateServiceRequest
        {
            Cluster = world.Plan.Cluster.Name,
            ServiceName = world.Plan.Workload.ServiceName!,
            TaskDefinition = resources.TaskDefinition!.TaskDefinitionArn,
            DesiredCount = 0,
            LaunchType = "EC2",
        });

        var error = await Assert.ThrowsAsync<ResourceConflictException>(() => world.StartWorkloadAsync(resources));

        Assert.Contains(world.Plan.Workload.ServiceName!, error.ResourceId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartWorkload_in_task_mode_runs_the_desired_count_started_by_the_provisioning()
    {
        var world = ProvisioningWorld.Create(p => p.InTaskMode(desiredCount: 2));
        var resources = await world.ProvisionAsync(Stage.TaskDefinition);

        var workload = await world.StartWorkloadAsync(resources);

        var tasks = (await world.Aws.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = world.Plan.Cluster.Name, Tasks = workload.TaskArns })).Tasks;
        Assert.Equal(("task", 2), (workload.Mode, tasks.Count));
        Assert.All(tasks, t => Assert.Equal((world.Plan.ProvisioningId, "EC2"), (t.StartedBy, t.LaunchType)));
    }

    [Fact]
    public async Task StartWorkload_in_task_mode_called_twice_runs_one_set_and_the_second_call_changes_nothing()
    {
        var world = ProvisioningWorld.Create(p => p.InTaskMode(desiredCount: 2));
        var resources = await world.ProvisionAsync(Stage.TaskDefinition);
        var (first, second, mutating) = await world.RunTwiceAsync(() => world.StartWorkloadAsync(resources));

        Assert.Equal(first.TaskArns, second.TaskArns);
        Assert.Equal(0, mutating);
    }

    [Fact]
    public async Task StartWorkload_fails_WorkloadPlacementFailed_with_the_reasons_when_tasks_do_not_fit()
    {
        var world = ProvisioningWorld.Create(p => p.InTaskMode(desiredCount: 1) with
        {
            // More memory than a c5.large has: ECS cannot place it anywhere.
            Workload = p.Workload with
            {
                Mode = "task",
                ServiceName = null,
                TaskDefinition = WithMemory(TestPlans.TaskDefinition(p.Workload.Family, "nginx:1.27"), 65536),
            },
        });
        var resources = await world.ProvisionAsync(Stage.TaskDefinition);

        var error = await Assert.ThrowsAsync<WorkloadPlacementFailedException>(() => world.StartWorkloadAsync(resources));

        Assert.Equal("Provisioning.WorkloadPlacementFailed", error.ErrorName);
        Assert.Contains(error.Reasons, r => r.Contains("RESOURCE:MEMORY", StringComparison.Ordinal));
    }

    private static JsonObject WithMemory(JsonObject definition, int memory)
    {
        ((JsonObject)definition["containerDefinitions"]![0]!)["memory"] = memory;
        return definition;
    }
}
