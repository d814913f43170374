using Amazon.EC2.Model;
using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The last step of a scale-in or a rolling replacement, run once the workload is steady on the
/// instances that stay: the provisioning's other live instances are set DRAINING, so ECS moves their
/// service tasks to the instances that stay; once no task is left on them they are terminated. Until
/// then <see cref="InstancesDrainingException"/> makes the state machine retry. ECS does not move
/// standalone tasks, so the provisioning's own tasks still running on a retiring instance are stopped.
/// </summary>
public sealed class RetireContainerInstances(AwsPorts aws, ILogger<RetireContainerInstances> logger)
    : IStep<RetireContainerInstancesInput, RetiredInstancesResource>
{
    // UpdateContainerInstancesState takes at most 10 container instances per call.
    private const int StateBatchSize = 10;

    public async Task<RetiredInstancesResource> RunAsync(RetireContainerInstancesInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var keep = (input.Resources?.Instances ?? throw new StepInputMissingException(nameof(RetireContainerInstances), "resources.instances"))
            .InstanceIds.ToHashSet(StringComparer.Ordinal);
        var clusterName = input.Resources.Cluster?.ClusterName ?? plan.Cluster.Name;

        var retiring = (await LiveInstances.FindAsync(aws.Ec2, [ProvisioningTags.Ec2Filter(plan.ProvisioningId)], cancellationToken))
            .Select(i => i.InstanceId)
            .Where(id => !keep.Contains(id))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (retiring.Count == 0)
        {
            return new RetiredInstancesResource([]);
        }

        var registered = await RegisteredContainerInstances.ByEc2InstanceIdAsync(aws.Ecs, clusterName, cancellationToken);
        var containers = retiring.Select(id => registered.GetValueOrDefault(id)).OfType<ContainerInstance>().ToList();
        foreach (var batch in containers.Where(c => c.Status == ContainerInstanceStatus.Active).Select(c => c.ContainerInstanceArn).Chunk(StateBatchSize))
        {
            await aws.Ecs.UpdateContainerInstancesStateAsync(new UpdateContainerInstancesStateRequest
            {
                Cluster = clusterName,
                ContainerInstances = batch,
                Status = ContainerInstanceStatus.Draining,
            }, cancellationToken);
            logger.LogInformation("Draining {ContainerInstances} of {ProvisioningId}", string.Join(",", batch), plan.ProvisioningId);
        }

        await StopOwnStandaloneTasksAsync(plan.ProvisioningId, clusterName, containers, cancellationToken);
        var tasksLeft = containers.Sum(c => c.RunningTasksCount + c.PendingTasksCount);
        if (tasksLeft > 0)
        {
            throw new InstancesDrainingException(retiring, tasksLeft);
        }

        await aws.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = retiring }, cancellationToken);
        logger.LogInformation("Terminated {InstanceIds} of {ProvisioningId}: drained", string.Join(",", retiring), plan.ProvisioningId);
        return new RetiredInstancesResource(retiring);
    }

    private async Task StopOwnStandaloneTasksAsync(
        string provisioningId, string clusterName, IReadOnlyList<ContainerInstance> containers, CancellationToken cancellationToken)
    {
        var arns = containers.Select(c => c.ContainerInstanceArn).ToHashSet(StringComparer.Ordinal);
        var ours = await EcsTasks.ListAsync(aws.Ecs, new ListTasksRequest { Cluster = clusterName, StartedBy = provisioningId }, cancellationToken);
        foreach (var task in (await EcsTasks.DescribeAsync(aws.Ecs, clusterName, ours, cancellationToken))
            .Where(t => t.ContainerInstanceArn is not null && arns.Contains(t.ContainerInstanceArn)))
        {
            await aws.Ecs.StopTaskAsync(new StopTaskRequest
            {
                Cluster = clusterName,
                Task = task.TaskArn,
                Reason = $"Container instance retired by provisioning {provisioningId}",
            }, cancellationToken);
        }
    }
}
