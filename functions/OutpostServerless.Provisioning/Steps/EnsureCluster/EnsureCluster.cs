using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The ECS cluster, keyed by name. An ACTIVE cluster of that name is reused only if it carries our
/// provisioning-id tag: CreateCluster would silently return someone else's, so we look first.
/// </summary>
public sealed class EnsureCluster(AwsPorts aws, ILogger<EnsureCluster> logger) : IStep<EnsureClusterInput, ClusterResource>
{
    public async Task<ClusterResource> RunAsync(EnsureClusterInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var name = plan.Cluster.Name;

        var described = await aws.Ecs.DescribeClustersAsync(new DescribeClustersRequest
        {
            Clusters = [name],
            Include = ["TAGS"],
        }, cancellationToken);
        // INACTIVE clusters are deleted ones that ECS still lists for a while; a new one may take the name.
        var live = described.Clusters.FirstOrDefault(c => c.ClusterName == name && c.Status != "INACTIVE");
        if (live is not null)
        {
            if (!ProvisioningTags.CarriesProvisioningId(live.Tags, plan.ProvisioningId))
            {
                throw new ResourceConflictException("ECS cluster", name, plan.ProvisioningId);
            }
            logger.LogInformation("Reusing cluster {ClusterArn} made earlier for {ProvisioningId}", live.ClusterArn, plan.ProvisioningId);
            return new ClusterResource(live.ClusterName, live.ClusterArn);
        }

        var created = (await aws.Ecs.CreateClusterAsync(new CreateClusterRequest
        {
            ClusterName = name,
            Tags = (ResourceTags.For(plan, nameof(EnsureCluster)) with
            {
                Extra = [new(ProvisioningTags.WorkloadKey, ProvisioningTags.WorkloadTagValue(plan.Workload))],
            }).ToEcs(),
        }, cancellationToken)).Cluster;
        logger.LogInformation("Created cluster {ClusterArn} for {ProvisioningId}", created.ClusterArn, plan.ProvisioningId);
        return new ClusterResource(created.ClusterName, created.ClusterArn);
    }
}
