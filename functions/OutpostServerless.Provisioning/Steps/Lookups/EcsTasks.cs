using OutpostServerless.Aws.Ecs;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>ListTasks over every page, and DescribeTasks in ECS's batches of 100.</summary>
public static class EcsTasks
{
    private const int DescribeBatchSize = 100;

    public static async Task<IReadOnlyList<string>> ListAsync(IEcs ecs, ListTasksRequest request, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        var page = request;
        while (true)
        {
            var response = await ecs.ListTasksAsync(page, cancellationToken);
            arns.AddRange(response.TaskArns);
            if (response.NextToken is null)
            {
                break;
            }
            page = page with { NextToken = response.NextToken };
        }
        return [.. arns.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public static async Task<IReadOnlyList<EcsTask>> DescribeAsync(IEcs ecs, string clusterName, IReadOnlyList<string> taskArns, CancellationToken cancellationToken)
    {
        var tasks = new List<EcsTask>();
        foreach (var batch in taskArns.Chunk(DescribeBatchSize))
        {
            var described = await ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = clusterName, Tasks = batch, Include = ["TAGS"] }, cancellationToken);
            tasks.AddRange(described.Tasks);
        }
        return tasks;
    }
}
