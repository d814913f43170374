using OutpostServerless.Aws.Ecs;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Deletes what the <see cref="Ownership"/> owns in ECS, found by the plan's names and checked by tag:
/// the service (scaled to 0, then deleted), the tasks it started, its task definition revisions,
/// and — after the instances are gone — the cluster.
/// </summary>
public sealed class EcsTeardown(IEcs ecs, ProvisioningPlan plan, Ownership owner, DeletionLog log)
{
    // A family can hold many revisions; this bounds the loop if a deregistration does not take.
    private const int MaxRevisionsPerRun = 100;

    private string ClusterName => plan.Cluster.Name;

    public async Task DeleteServiceAsync(CancellationToken cancellationToken)
    {
        if (plan.Workload.ServiceName is not { } serviceName)
        {
            return;
        }
        var described = await DeletionLog.FindAsync(() => ecs.DescribeServicesAsync(new DescribeServicesRequest
        {
            Cluster = ClusterName,
            Services = [serviceName],
            Include = ["TAGS"],
        }, cancellationToken));
        var service = described?.Services.FirstOrDefault(s => s.ServiceName == serviceName && s.Status == EcsServiceStatus.Active);
        if (service is null || !owner.Owns(service.Tags))
        {
            return;
        }
        await log.DeleteAsync("ecs:service", service.ServiceArn, async () =>
        {
            if (service.DesiredCount > 0)
            {
                await ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = ClusterName, Service = serviceName, DesiredCount = 0 }, cancellationToken);
            }
            await ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = ClusterName, Service = serviceName, Force = true }, cancellationToken);
        });
    }

    /// <summary>Stops the owned tasks the provisioning started (RunTask's startedBy), still running.</summary>
    public async Task StopTasksAsync(CancellationToken cancellationToken)
    {
        var taskArns = await DeletionLog.FindAsync(() => EcsTasks.ListAsync(ecs, new ListTasksRequest
        {
            Cluster = ClusterName,
            StartedBy = plan.ProvisioningId,
            DesiredStatus = EcsTaskStatus.Running,
        }, cancellationToken)) ?? [];
        var tasks = await DeletionLog.FindAsync(() => EcsTasks.DescribeAsync(ecs, ClusterName, taskArns, cancellationToken)) ?? [];
        foreach (var task in tasks.Where(t => owner.Owns(t.Tags)))
        {
            await log.DeleteAsync("ecs:task", task.TaskArn, () => ecs.StopTaskAsync(new StopTaskRequest
            {
                Cluster = ClusterName,
                Task = task.TaskArn,
                Reason = $"Rollback of provisioning {plan.ProvisioningId}",
            }, cancellationToken));
        }
    }

    /// <summary>
    /// Deregisters the family's revisions from the newest down while they are ours. ECS can only
    /// describe the latest ACTIVE revision by family, so a foreign revision on top stops the walk.
    /// </summary>
    public async Task DeregisterTaskDefinitionsAsync(CancellationToken cancellationToken)
    {
        string? previousArn = null;
        for (var i = 0; i < MaxRevisionsPerRun; i++)
        {
            var latest = await DeletionLog.FindAsync(() => ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest
            {
                TaskDefinition = plan.Workload.Family,
                Include = ["TAGS"],
            }, cancellationToken));
            if (latest is null
                || latest.TaskDefinition.Status != TaskDefinitionStatus.Active
                || latest.TaskDefinition.TaskDefinitionArn == previousArn
                || !owner.Owns(latest.Tags))
            {
                return;
            }
            previousArn = latest.TaskDefinition.TaskDefinitionArn;
            await log.DeleteAsync("ecs:task-definition", previousArn,
                () => ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest(previousArn), cancellationToken));
        }
    }

    public async Task DeleteClusterAsync(CancellationToken cancellationToken)
    {
        var described = await DeletionLog.FindAsync(() => ecs.DescribeClustersAsync(new DescribeClustersRequest
        {
            Clusters = [ClusterName],
            Include = ["TAGS"],
        }, cancellationToken));
        var cluster = described?.Clusters.FirstOrDefault(c => c.ClusterName == ClusterName && c.Status != ClusterStatus.Inactive);
        if (cluster is null || !owner.Owns(cluster.Tags))
        {
            return;
        }

        // Terminated instances leave their container instances registered for a while, and ECS
        // refuses to delete a cluster that has any: deregister them with force first.
        await DeregisterContainerInstancesAsync(cancellationToken);
        await log.DeleteAsync("ecs:cluster", cluster.ClusterArn,
            () => ecs.DeleteClusterAsync(new DeleteClusterRequest(ClusterName), cancellationToken));
    }

    private async Task DeregisterContainerInstancesAsync(CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        string? nextToken = null;
        do
        {
            var page = await DeletionLog.FindAsync(() => ecs.ListContainerInstancesAsync(
                new ListContainerInstancesRequest { Cluster = ClusterName, NextToken = nextToken }, cancellationToken));
            arns.AddRange(page?.ContainerInstanceArns ?? []);
            nextToken = page?.NextToken;
        }
        while (nextToken is not null);

        foreach (var arn in arns)
        {
            await log.DeleteAsync("ecs:container-instance", arn, () => ecs.DeregisterContainerInstanceAsync(
                new DeregisterContainerInstanceRequest { Cluster = ClusterName, ContainerInstance = arn, Force = true }, cancellationToken));
        }
    }
}
