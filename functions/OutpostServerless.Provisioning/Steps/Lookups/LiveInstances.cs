using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>EC2 instances that are pending or running (not shutting down or gone), every page.</summary>
public static class LiveInstances
{
    public static async Task<List<Instance>> FindAsync(IEc2 ec2, IReadOnlyList<Filter> filters, CancellationToken cancellationToken)
    {
        var instances = new List<Instance>();
        string? nextToken = null;
        do
        {
            var page = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest
            {
                Filters = [.. filters, new Filter("instance-state-name", ["pending", "running"])],
                NextToken = nextToken,
            }, cancellationToken);
            instances.AddRange((page.Reservations ?? []).SelectMany(r => r.Instances ?? []));
            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));
        return instances;
    }
}
