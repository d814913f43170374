using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Done means working. A service is done when it is steady on the request's task definition: one
/// deployment left, on that revision, running what it desires (the condition of the AWS CLI's
/// <c>ecs wait services-stable</c>, botocore's ServicesStable waiter); until then
/// <see cref="WorkloadPendingException"/> makes the state machine retry. When the scheduler reports,
/// since the deployment began, that it could not place a task, and nothing has been started for
/// <see cref="PlacementGrace"/> since, that is the failure, in ECS's words.
/// Tasks are done when ECS placed them on a container instance. Reads only.
/// </summary>
public sealed class CheckWorkload(AwsPorts aws, TimeProvider clock, ILogger<CheckWorkload> logger) : IStep<CheckWorkloadInput, WorkloadResource>
{
    private const string UnableToPlace = "was unable to place a task";

    /// <summary>
    /// The scheduler also reports "unable to place" on the way through a rolling deployment (a host
    /// port is freed only when an old task stops). Only when it is still the latest word this long
    /// after, with nothing started since, is the placement taken as impossible.
    /// </summary>
    public static readonly TimeSpan PlacementGrace = TimeSpan.FromMinutes(5);

    public async Task<WorkloadResource> RunAsync(CheckWorkloadInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var workload = input.Resources?.Workload ?? throw new StepInputMissingException(nameof(CheckWorkload), "resources.workload");
        var taskDefinition = input.Resources.TaskDefinition ?? throw new StepInputMissingException(nameof(CheckWorkload), "resources.taskDefinition");
        var clusterName = input.Resources.Cluster?.ClusterName ?? plan.Cluster.Name;

        return plan.Workload.ServiceName is { } serviceName
            ? await CheckServiceAsync(clusterName, serviceName, taskDefinition.TaskDefinitionArn, workload, cancellationToken)
            : await CheckTasksAsync(clusterName, workload, cancellationToken);
    }

    private async Task<WorkloadResource> CheckServiceAsync(
        string clusterName, string serviceName, string taskDefinitionArn, WorkloadResource workload, CancellationToken cancellationToken)
    {
        var described = await aws.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = clusterName, Services = [serviceName] }, cancellationToken);
        var service = described.Services.FirstOrDefault(s => s.ServiceName == serviceName && s.Status == EcsServiceStatus.Active)
            ?? throw new WorkloadPlacementFailedException(clusterName, [$"service {serviceName} is not ACTIVE"]);
        var primary = service.Deployments.FirstOrDefault(d => d.Status == EcsDeploymentStatus.Primary);
        var steady = service.Deployments.Count == 1
            && service.TaskDefinition == taskDefinitionArn
            && service.RunningCount == service.DesiredCount
            && service.PendingCount == 0;
        if (steady)
        {
            var taskArns = await EcsTasks.ListAsync(aws.Ecs, new ListTasksRequest { Cluster = clusterName, ServiceName = serviceName }, cancellationToken);
            logger.LogInformation("Service {ServiceArn} is steady: {Running} of {Desired} running {TaskDefinitionArn}",
                service.ServiceArn, service.RunningCount, service.DesiredCount, taskDefinitionArn);
            return workload with { TaskArns = taskArns };
        }

        var since = primary?.CreatedAt ?? 0;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        if (service.Events.Count > 0
            && service.Events[0] is { } latest
            && latest.Message.Contains(UnableToPlace, StringComparison.Ordinal)
            && (latest.CreatedAt ?? 0) >= since
            && now - (latest.CreatedAt ?? now) >= PlacementGrace.TotalSeconds)
        {
            throw new WorkloadPlacementFailedException(clusterName, [latest.Message]);
        }

        throw new WorkloadPendingException($"Service {serviceName}",
            $"{service.RunningCount} of {service.DesiredCount} running, {service.PendingCount} pending, {service.Deployments.Count} deployment(s), on {service.TaskDefinition}");
    }

    private async Task<WorkloadResource> CheckTasksAsync(string clusterName, WorkloadResource workload, CancellationToken cancellationToken)
    {
        var tasks = await EcsTasks.DescribeAsync(aws.Ecs, clusterName, workload.TaskArns, cancellationToken);
        var unplaced = workload.TaskArns.Where(arn => !tasks.Any(t => t.TaskArn == arn && t.ContainerInstanceArn is not null)).ToList();
        if (unplaced.Count > 0)
        {
            throw new WorkloadPlacementFailedException(clusterName, [.. unplaced.Select(arn => $"task {arn} is not placed on a container instance")]);
        }

        logger.LogInformation("{Count} tasks are placed in {Cluster}", tasks.Count, clusterName);
        return workload;
    }
}
