using OutpostServerless.Aws.Ecs;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>A cluster's container instances (any status), keyed by their EC2 instance id.</summary>
public static class RegisteredContainerInstances
{
    // DescribeContainerInstances takes at most 100 container instances per call.
    private const int DescribeBatchSize = 100;

    public static async Task<Dictionary<string, ContainerInstance>> ByEc2InstanceIdAsync(
        IEcs ecs, string clusterName, CancellationToken cancellationToken, ContainerInstanceStatus? status = null)
    {
        var arns = new List<string>();
        string? nextToken = null;
        do
        {
            var page = await ecs.ListContainerInstancesAsync(new ListContainerInstancesRequest
            {
                Cluster = clusterName,
                Status = status,
                NextToken = nextToken,
            }, cancellationToken);
            arns.AddRange(page.ContainerInstanceArns);
            nextToken = page.NextToken;
        }
        while (nextToken is not null);

        var byInstance = new Dictionary<string, ContainerInstance>(StringComparer.Ordinal);
        foreach (var batch in arns.Chunk(DescribeBatchSize))
        {
            var described = await ecs.DescribeContainerInstancesAsync(new DescribeContainerInstancesRequest
            {
                Cluster = clusterName,
                ContainerInstances = batch,
            }, cancellationToken);
            foreach (var container in described.ContainerInstances)
            {
                byInstance[container.Ec2InstanceId] = container;
            }
        }

        return byInstance;
    }
}
