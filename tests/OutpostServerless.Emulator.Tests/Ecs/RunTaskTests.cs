using OutpostServerless.Aws.Ecs;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Ecs;

public sealed class RunTaskTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task RunTask_in_a_cluster_without_container_instances_fails_InvalidParameterException()
    {
        await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "empty" });
        var definition = await _world.TaskDefinitionAsync();

        var error = await AwsAssert.ServiceErrorAsync(EcsErrorCodes.InvalidParameterException,
            () => _world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = "empty", TaskDefinition = definition, LaunchType = "EC2" }));

        Assert.Equal("No Container Instances were found in your cluster.", error.Message);
    }

    [Fact]
    public async Task RunTask_places_tasks_on_container_instances_where_they_start_running()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync(instances: 2);
        var definition = await _world.TaskDefinitionAsync();

        var response = await _world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = cluster, TaskDefinition = definition, Count = 2, LaunchType = "EC2" });
        _world.Advance(_world.Cloud.Options.Timings.TaskStart);
        var described = await _world.Aws.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = [.. response.Tasks.Select(t => t.TaskArn)] });

        Assert.Equal(["PENDING", "PENDING"], response.Tasks.Select(t => t.LastStatus));
        Assert.Equal(2, response.Tasks.Select(t => t.ContainerInstanceArn).Distinct().Count());
        Assert.All(described.Tasks, t => Assert.Equal("RUNNING", t.LastStatus));
    }

    [Fact]
    public async Task RunTask_beyond_the_instances_memory_reports_RESOURCE_MEMORY_failures()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync(instances: 1);
        var definition = await _world.TaskDefinitionAsync(memory: 2048);

        var response = await _world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = cluster, TaskDefinition = definition, Count = 3 });

        Assert.Single(response.Tasks);
        Assert.Equal("RESOURCE:MEMORY", Assert.Single(response.Failures).Reason);
    }

    [Fact]
    public async Task RunTask_with_a_host_port_already_taken_reports_RESOURCE_PORTS()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync(instances: 1);
        var definition = await _world.TaskDefinitionAsync(memory: 128, hostPort: 80);

        var response = await _world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = cluster, TaskDefinition = definition, Count = 2 });

        Assert.Single(response.Tasks);
        Assert.Equal("RESOURCE:PORTS", Assert.Single(response.Failures).Reason);
    }

    [Fact]
    public async Task RunTask_with_launch_type_FARGATE_is_rejected_with_InvalidParameterException()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync();
        var definition = await _world.TaskDefinitionAsync();

        await AwsAssert.ServiceErrorAsync(EcsErrorCodes.InvalidParameterException,
            () => _world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = cluster, TaskDefinition = definition, LaunchType = "FARGATE" }));
    }

    [Fact]
    public async Task RunTask_of_an_awsvpc_definition_without_network_configuration_fails_InvalidParameterException()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync();
        var definition = await _world.TaskDefinitionAsync(networkMode: "awsvpc");

        await AwsAssert.ServiceErrorAsync(EcsErrorCodes.InvalidParameterException,
            () => _world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = cluster, TaskDefinition = definition }));
    }

    [Fact]
    public async Task RunTask_of_an_unknown_task_definition_fails_ClientException()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync();

        await AwsAssert.ServiceErrorAsync(EcsErrorCodes.ClientException,
            () => _world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = cluster, TaskDefinition = "missing:1" }));
    }

    [Fact]
    public async Task RunTask_with_the_same_client_token_returns_the_original_tasks()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync();
        var definition = await _world.TaskDefinitionAsync();
        var request = new RunTaskRequest { Cluster = cluster, TaskDefinition = definition, ClientToken = "prov-1-task" };

        var first = await _world.Aws.Ecs.RunTaskAsync(request);
        var retry = await _world.Aws.Ecs.RunTaskAsync(request);

        Assert.Equal(first.Tasks.Select(t => t.TaskArn), retry.Tasks.Select(t => t.TaskArn));
        var listed = await _world.Aws.Ecs.ListTasksAsync(new ListTasksRequest { Cluster = cluster });
        Assert.Single(listed.TaskArns);
    }

    [Fact]
    public async Task RunTask_reusing_a_client_token_with_other_parameters_fails_ConflictException()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync(instances: 2);
        var definition = await _world.TaskDefinitionAsync();
        await _world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = cluster, TaskDefinition = definition, ClientToken = "prov-1-task" });

        await AwsAssert.ServiceErrorAsync("ConflictException",
            () => _world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = cluster, TaskDefinition = definition, ClientToken = "prov-1-task", Count = 2 }));
    }

    [Fact]
    public async Task ListTasks_filters_by_startedBy()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync(instances: 2);
        var definition = await _world.TaskDefinitionAsync();
        var mine = await _world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = cluster, TaskDefinition = definition, StartedBy = "prov-1" });
        await _world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = cluster, TaskDefinition = definition, StartedBy = "prov-2" });

        var listed = await _world.Aws.Ecs.ListTasksAsync(new ListTasksRequest { Cluster = cluster, StartedBy = "prov-1" });

        Assert.Equal(mine.Tasks.Select(t => t.TaskArn), listed.TaskArns);
    }

    [Fact]
    public async Task StopTask_stops_the_task_and_lists_it_as_STOPPED()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync();
        var task = (await _world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = cluster, TaskDefinition = await _world.TaskDefinitionAsync() })).Tasks[0];

        var stopping = await _world.Aws.Ecs.StopTaskAsync(new StopTaskRequest { Cluster = cluster, Task = task.TaskArn });
        _world.Advance(_world.Cloud.Options.Timings.TaskStop);
        var stopped = await _world.Aws.Ecs.ListTasksAsync(new ListTasksRequest { Cluster = cluster, DesiredStatus = "STOPPED" });
        var described = await _world.Aws.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = [task.TaskArn] });

        Assert.Equal("STOPPED", stopping.Task.DesiredStatus);
        Assert.Equal([task.TaskArn], stopped.TaskArns);
        Assert.Equal("STOPPED", described.Tasks[0].LastStatus);
    }

    [Fact]
    public async Task DescribeTasks_reports_unknown_tasks_as_MISSING()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync();

        var described = await _world.Aws.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = ["0123456789abcdef0123456789abcdef"] });

        Assert.Empty(described.Tasks);
        Assert.Equal("MISSING", Assert.Single(described.Failures).Reason);
    }
}
