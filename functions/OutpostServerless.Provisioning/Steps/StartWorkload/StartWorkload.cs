using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Starts the workload with the EC2 launch type, or brings it to the request: a service (found by
/// name first; UpdateService to a changed task definition or desired count) or tasks (found by
/// <c>startedBy</c> = the provisioning id first). Creates carry client tokens derived from the
/// execution, so a retried call after a lost response does not start a second copy.
/// </summary>
public sealed class StartWorkload(AwsPorts aws, ILogger<StartWorkload> logger) : IStep<StartWorkloadInput, WorkloadResource>
{
    public const string ServiceMode = "service";
    public const string TaskMode = "task";
    private const string LaunchType = "EC2";
    // ECS limits: CreateService clientToken up to 36 characters, RunTask up to 64.
    private const int ServiceClientTokenMaxLength = 36;
    private const int TaskClientTokenMaxLength = 64;

    public async Task<WorkloadResource> RunAsync(StartWorkloadInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var taskDefinition = input.Resources?.TaskDefinition
            ?? throw new StepInputMissingException(nameof(StartWorkload), "resources.taskDefinition");
        var clusterName = input.Resources.Cluster?.ClusterName ?? plan.Cluster.Name;
        var tags = ResourceTags.For(plan, nameof(StartWorkload)).ToEcs();

        return plan.Workload.Mode == ServiceMode
            ? await EnsureServiceAsync(input, clusterName, taskDefinition.TaskDefinitionArn, tags, cancellationToken)
            : await EnsureTasksAsync(input, clusterName, taskDefinition.TaskDefinitionArn, tags, cancellationToken);
    }

    private async Task<WorkloadResource> EnsureServiceAsync(
        StartWorkloadInput input, string clusterName, string taskDefinitionArn, IReadOnlyList<EcsTag> tags, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var serviceName = plan.Workload.ServiceName
            ?? throw new StepInputMissingException(nameof(StartWorkload), "plan.workload.serviceName");

        var described = await aws.Ecs.DescribeServicesAsync(new DescribeServicesRequest
        {
            Cluster = clusterName,
            Services = [serviceName],
            Include = ["TAGS"],
        }, cancellationToken);
        var service = described.Services.FirstOrDefault(s => s.ServiceName == serviceName && s.Status == EcsServiceStatus.Active);
        if (service is not null)
        {
            if (!ProvisioningTags.CarriesProvisioningId(service.Tags, plan.ProvisioningId))
            {
                throw new ResourceConflictException("ECS service", $"{serviceName} in cluster {clusterName}", plan.ProvisioningId);
            }
            if (service.TaskDefinition != taskDefinitionArn || service.DesiredCount != plan.Workload.DesiredCount)
            {
                // A new revision starts a rolling deployment; CheckWorkload waits until it is steady.
                service = (await aws.Ecs.UpdateServiceAsync(new UpdateServiceRequest
                {
                    Cluster = clusterName,
                    Service = serviceName,
                    TaskDefinition = taskDefinitionArn,
                    DesiredCount = plan.Workload.DesiredCount,
                }, cancellationToken)).Service;
                logger.LogInformation("Updated service {ServiceArn} to {TaskDefinitionArn} x {DesiredCount} for {ProvisioningId}",
                    service.ServiceArn, taskDefinitionArn, plan.Workload.DesiredCount, plan.ProvisioningId);
            }
            else
            {
                logger.LogInformation("Reusing service {ServiceArn} made earlier for {ProvisioningId}", service.ServiceArn, plan.ProvisioningId);
            }
        }
        else
        {
            service = (await aws.Ecs.CreateServiceAsync(new CreateServiceRequest
            {
                Cluster = clusterName,
                ServiceName = serviceName,
                TaskDefinition = taskDefinitionArn,
                DesiredCount = plan.Workload.DesiredCount,
                LaunchType = LaunchType,
                ClientToken = ClientToken.For(plan.ExecutionId, "service", 0, ServiceClientTokenMaxLength),
                Tags = tags,
            }, cancellationToken)).Service;
            logger.LogInformation("Created service {ServiceArn} ({DesiredCount} tasks) for {ProvisioningId}",
                service.ServiceArn, plan.Workload.DesiredCount, plan.ProvisioningId);
        }

        var taskArns = await EcsTasks.ListAsync(aws.Ecs, new ListTasksRequest { Cluster = clusterName, ServiceName = serviceName }, cancellationToken);
        return new WorkloadResource(ServiceMode, service.ServiceArn, taskArns);
    }

    /// <summary>
    /// Task mode, reconciled with <see cref="TaskPlan"/>: the current revision's tasks ECS still knows
    /// count as run (finished or not), the missing ones are run, running extras and running tasks of
    /// older revisions are stopped. An unchanged re-run therefore runs nothing.
    /// </summary>
    private async Task<WorkloadResource> EnsureTasksAsync(
        StartWorkloadInput input, string clusterName, string taskDefinitionArn, IReadOnlyList<EcsTag> tags, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var known = new List<TaskSnapshot>();
        foreach (var desiredStatus in new[] { EcsTaskStatus.Running, EcsTaskStatus.Stopped })
        {
            var arns = await EcsTasks.ListAsync(aws.Ecs,
                new ListTasksRequest { Cluster = clusterName, StartedBy = plan.ProvisioningId, DesiredStatus = desiredStatus }, cancellationToken);
            known.AddRange((await EcsTasks.DescribeAsync(aws.Ecs, clusterName, arns, cancellationToken))
                .Select(t => new TaskSnapshot(t.TaskArn, t.TaskDefinitionArn, t.LastStatus, t.DesiredStatus)));
        }

        var tasks = TaskPlan.Of(plan.Workload.DesiredCount, taskDefinitionArn, known);
        foreach (var taskArn in tasks.ToStop)
        {
            await aws.Ecs.StopTaskAsync(new StopTaskRequest
            {
                Cluster = clusterName,
                Task = taskArn,
                Reason = $"Replaced or scaled in by provisioning {plan.ProvisioningId}",
            }, cancellationToken);
            logger.LogInformation("Stopped task {TaskArn} of {ProvisioningId}", taskArn, plan.ProvisioningId);
        }

        var current = known.Where(t => t.TaskDefinitionArn == taskDefinitionArn && !tasks.ToStop.Contains(t.TaskArn)).Select(t => t.TaskArn).ToList();
        if (tasks.ToRun == 0)
        {
            logger.LogInformation("{ProvisioningId} already ran {Count} tasks of {TaskDefinitionArn}; starting none", plan.ProvisioningId, current.Count, taskDefinitionArn);
            return new WorkloadResource(TaskMode, null, [.. current.Order(StringComparer.Ordinal)]);
        }

        var response = await aws.Ecs.RunTaskAsync(new RunTaskRequest
        {
            Cluster = clusterName,
            TaskDefinition = taskDefinitionArn,
            Count = tasks.ToRun,
            LaunchType = LaunchType,
            StartedBy = plan.ProvisioningId,
            ClientToken = ClientToken.For(plan.ExecutionId, "tasks", current.Count, TaskClientTokenMaxLength),
            Tags = tags,
        }, cancellationToken);
        if (response.Failures.Count > 0)
        {
            throw new WorkloadPlacementFailedException(clusterName,
                [.. response.Failures.Select(f => string.Join(" ", new[] { f.Reason, f.Detail, f.Arn }.Where(s => !string.IsNullOrEmpty(s))))]);
        }
        logger.LogInformation("Started {Count} tasks of {TaskDefinitionArn} for {ProvisioningId}", response.Tasks.Count, taskDefinitionArn, plan.ProvisioningId);
        return new WorkloadResource(TaskMode, null,
            [.. current.Concat(response.Tasks.Select(t => t.TaskArn)).Distinct().Order(StringComparer.Ordinal)]);
    }
}
