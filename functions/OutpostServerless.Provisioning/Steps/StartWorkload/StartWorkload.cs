using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Starts the workload with the EC2 launch type: a service (found by name first) or tasks (found by
/// <c>startedBy</c> = the provisioning id first). Creates carry client tokens derived from the
/// provisioning id, so a retried call after a lost response does not start a second copy.
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
        var tags = new ResourceTags(plan.ProvisioningId, nameof(StartWorkload)).ToEcs();

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
        var service = described.Services.FirstOrDefault(s => s.ServiceName == serviceName && s.Status == "ACTIVE");
        if (service is not null)
        {
            if (!ProvisioningTags.CarriesProvisioningId(service.Tags, plan.ProvisioningId))
            {
                throw new ResourceConflictException("ECS service", $"{serviceName} in cluster {clusterName}", plan.ProvisioningId);
            }
            logger.LogInformation("Reusing service {ServiceArn} made earlier for {ProvisioningId}", service.ServiceArn, plan.ProvisioningId);
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
                ClientToken = ClientToken.For(plan.ProvisioningId, "service", 0, ServiceClientTokenMaxLength),
                Tags = tags,
            }, cancellationToken)).Service;
            logger.LogInformation("Created service {ServiceArn} ({DesiredCount} tasks) for {ProvisioningId}",
                service.ServiceArn, plan.Workload.DesiredCount, plan.ProvisioningId);
        }

        var taskArns = await ListTaskArnsAsync(new ListTasksRequest { Cluster = clusterName, ServiceName = serviceName }, cancellationToken);
        return new WorkloadResource(ServiceMode, service.ServiceArn, taskArns);
    }

    private async Task<WorkloadResource> EnsureTasksAsync(
        StartWorkloadInput input, string clusterName, string taskDefinitionArn, IReadOnlyList<EcsTag> tags, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        // Desired status RUNNING covers tasks still PENDING (ECS never sets a desired status of PENDING).
        var existing = await ListTaskArnsAsync(
            new ListTasksRequest { Cluster = clusterName, StartedBy = plan.ProvisioningId, DesiredStatus = "RUNNING" }, cancellationToken);
        var missing = plan.Workload.DesiredCount - existing.Count;
        if (missing <= 0)
        {
            logger.LogInformation("{ProvisioningId} already has {Count} tasks running; starting none", plan.ProvisioningId, existing.Count);
            return new WorkloadResource(TaskMode, null, existing);
        }

        var response = await aws.Ecs.RunTaskAsync(new RunTaskRequest
        {
            Cluster = clusterName,
            TaskDefinition = taskDefinitionArn,
            Count = missing,
            LaunchType = LaunchType,
            StartedBy = plan.ProvisioningId,
            ClientToken = ClientToken.For(plan.ProvisioningId, "tasks", existing.Count, TaskClientTokenMaxLength),
            Tags = tags,
        }, cancellationToken);
        if (response.Failures.Count > 0)
        {
            throw new WorkloadPlacementFailedException(clusterName,
                [.. response.Failures.Select(f => string.Join(" ", new[] { f.Reason, f.Detail, f.Arn }.Where(s => !string.IsNullOrEmpty(s))))]);
        }
        logger.LogInformation("Started {Count} tasks of {TaskDefinitionArn} for {ProvisioningId}", response.Tasks.Count, taskDefinitionArn, plan.ProvisioningId);
        return new WorkloadResource(TaskMode, null,
            [.. existing.Concat(response.Tasks.Select(t => t.TaskArn)).Distinct().Order(StringComparer.Ordinal)]);
    }

    private async Task<IReadOnlyList<string>> ListTaskArnsAsync(ListTasksRequest request, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        var page = request;
        while (true)
        {
            var response = await aws.Ecs.ListTasksAsync(page, cancellationToken);
            arns.AddRange(response.TaskArns);
            if (response.NextToken is null)
            {
                break;
            }
            page = page with { NextToken = response.NextToken };
        }
        return [.. arns.Order(StringComparer.Ordinal)];
    }
}
