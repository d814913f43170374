using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Have our instances joined the cluster? Counts the cluster's ACTIVE container instances whose EC2
/// instance is one of ours; until all have, throws <see cref="ContainerInstancesPendingException"/>,
/// which the state machine retries with back-off. Reads only.
/// </summary>
public sealed class CheckContainerInstances(AwsPorts aws, ILogger<CheckContainerInstances> logger)
    : IStep<CheckContainerInstancesInput, ContainerInstancesResource>
{
    // DescribeContainerInstances takes at most 100 container instances per call.
    private const int DescribeBatchSize = 100;

    public async Task<ContainerInstancesResource> RunAsync(CheckContainerInstancesInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var instances = input.Resources?.Instances
            ?? throw new StepInputMissingException(nameof(CheckContainerInstances), "resources.instances");
        var clusterName = input.Resources.Cluster?.ClusterName ?? plan.Cluster.Name;
        var ours = instances.InstanceIds.ToHashSet(StringComparer.Ordinal);

        var arns = new List<string>();
        string? nextToken = null;
        do
        {
            var page = await aws.Ecs.ListContainerInstancesAsync(new ListContainerInstancesRequest
            {
                Cluster = clusterName,
                Status = ContainerInstanceStatus.Active,
                NextToken = nextToken,
            }, cancellationToken);
            arns.AddRange(page.ContainerInstanceArns);
            nextToken = page.NextToken;
        }
        while (nextToken is not null);

        var registered = new List<string>();
        foreach (var batch in arns.Chunk(DescribeBatchSize))
        {
            var described = await aws.Ecs.DescribeContainerInstancesAsync(new DescribeContainerInstancesRequest
            {
                Cluster = clusterName,
                ContainerInstances = batch,
            }, cancellationToken);
            registered.AddRange(described.ContainerInstances
                .Where(c => c.Status == ContainerInstanceStatus.Active && ours.Contains(c.Ec2InstanceId))
                .Select(c => c.ContainerInstanceArn));
        }

        var expected = plan.Cluster.InstanceCount;
        logger.LogInformation("{Registered} of {Expected} container instances of {ProvisioningId} are ACTIVE in {Cluster}",
            registered.Count, expected, plan.ProvisioningId, clusterName);
        if (registered.Count < expected)
        {
            throw new ContainerInstancesPendingException(clusterName, registered.Count, expected);
        }
        return new ContainerInstancesResource([.. registered.Order(StringComparer.Ordinal)]);
    }
}
