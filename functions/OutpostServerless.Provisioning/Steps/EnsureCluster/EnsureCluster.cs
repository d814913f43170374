using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The ECS cluster, keyed by name. An ACTIVE cluster of that name is reused only if it carries our
/// provisioning-id tag: CreateCluster would silently return someone else's, so we look first. Before it
/// creates a cluster it makes sure the account has ECS's service-linked role (<c>AWSServiceRoleForECS</c>):
/// without it ECS cannot create services, and CreateCluster makes it only when its caller may
/// (ECS developer guide, "Using service-linked roles for Amazon ECS").
/// </summary>
public sealed class EnsureCluster(AwsPorts aws, ILogger<EnsureCluster> logger) : IStep<EnsureClusterInput, ClusterResource>
{
    /// <summary>The service principal whose service-linked role ECS needs.</summary>
    public const string EcsServiceName = "ecs.amazonaws.com";

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
        var live = described.Clusters.FirstOrDefault(c => c.ClusterName == name && c.Status != ClusterStatus.Inactive);
        if (live is not null)
        {
            if (!ProvisioningTags.CarriesProvisioningId(live.Tags, plan.ProvisioningId))
            {
                throw new ResourceConflictException("ECS cluster", name, plan.ProvisioningId);
            }
            logger.LogInformation("Reusing cluster {ClusterArn} made earlier for {ProvisioningId}", live.ClusterArn, plan.ProvisioningId);
            return new ClusterResource(live.ClusterName, live.ClusterArn);
        }

        await EnsureServiceLinkedRoleAsync(cancellationToken);
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

    /// <summary>
    /// One role per account, shared by every cluster and never deleted by the workflow. A role that exists
    /// already is IAM's InvalidInput "Service role name AWSServiceRoleForECS has been taken in this account":
    /// that is success.
    /// </summary>
    private async Task EnsureServiceLinkedRoleAsync(CancellationToken cancellationToken)
    {
        try
        {
            var role = await aws.Iam.CreateServiceLinkedRoleAsync(new CreateServiceLinkedRoleRequest { AwsServiceName = EcsServiceName }, cancellationToken);
            logger.LogInformation("Created ECS's service-linked role {RoleArn}", role.Role.Arn);
        }
        catch (AmazonServiceException e) when (e.ErrorCode == IamErrorCodes.InvalidInput && e.Message.Contains("has been taken", StringComparison.Ordinal))
        {
        }
    }
}
