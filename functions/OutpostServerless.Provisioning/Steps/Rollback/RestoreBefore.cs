using Amazon.EC2.Model;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Puts back what a failed execution modified but did not create, from the before snapshot
/// PlanProvisioning recorded: the service's task definition and desired count, the security
/// group's ingress rules, the role's managed policies, drained container instances back to ACTIVE. Like CloudFormation's update rollback, the
/// provisioning ends at its last working state. Each restore compares first, so a retry (or an
/// execution that changed nothing) makes no call.
/// </summary>
public sealed class RestoreBefore(AwsPorts aws, ProvisioningPlan plan, ProvisioningSnapshot before)
{
    private readonly List<RestoredResource> _restored = [];

    public IReadOnlyList<RestoredResource> Restored => _restored;

    public async Task RestoreServiceAsync(CancellationToken cancellationToken)
    {
        if (before.Service is not { } previous)
        {
            return;
        }

        var described = await DeletionLog.FindAsync(() => aws.Ecs.DescribeServicesAsync(new DescribeServicesRequest
        {
            Cluster = plan.Cluster.Name,
            Services = [previous.ServiceName],
        }, cancellationToken));
        var service = described?.Services.FirstOrDefault(s => s.ServiceName == previous.ServiceName && s.Status == EcsServiceStatus.Active);
        if (service is null || (service.TaskDefinition == previous.TaskDefinitionArn && service.DesiredCount == previous.DesiredCount))
        {
            return;
        }

        await aws.Ecs.UpdateServiceAsync(new UpdateServiceRequest
        {
            Cluster = plan.Cluster.Name,
            Service = previous.ServiceName,
            TaskDefinition = previous.TaskDefinitionArn,
            DesiredCount = previous.DesiredCount,
        }, cancellationToken);
        _restored.Add(new RestoredResource("ecs:service", previous.ServiceArn, $"taskDefinition {previous.TaskDefinitionArn}, desiredCount {previous.DesiredCount}"));
    }

    /// <summary>Instances that were ACTIVE in the cluster and are DRAINING now (a scale-in or replacement stopped half way) take tasks again.</summary>
    public async Task RestoreContainerInstancesAsync(CancellationToken cancellationToken)
    {
        var wereActive = before.Instances.Where(i => i.ContainerInstanceStatus == ContainerInstanceStatus.Active).Select(i => i.InstanceId).ToHashSet(StringComparer.Ordinal);
        if (wereActive.Count == 0 || before.Cluster is not { } cluster)
        {
            return;
        }

        var registered = await DeletionLog.FindAsync(() => RegisteredContainerInstances.ByEc2InstanceIdAsync(aws.Ecs, cluster.ClusterName, cancellationToken));
        var draining = (registered ?? []).Values
            .Where(c => c.Status == ContainerInstanceStatus.Draining && wereActive.Contains(c.Ec2InstanceId))
            .Select(c => c.ContainerInstanceArn)
            .ToList();
        foreach (var batch in draining.Chunk(10))
        {
            await aws.Ecs.UpdateContainerInstancesStateAsync(new UpdateContainerInstancesStateRequest
            {
                Cluster = cluster.ClusterName,
                ContainerInstances = batch,
                Status = ContainerInstanceStatus.Active,
            }, cancellationToken);
            _restored.AddRange(batch.Select(arn => new RestoredResource("ecs:container-instance", arn, "status ACTIVE")));
        }
    }

    public async Task RestoreIngressAsync(CancellationToken cancellationToken)
    {
        if (before.SecurityGroup is not { } previous)
        {
            return;
        }

        var group = (await aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("group-id", [previous.GroupId])],
        }, cancellationToken)).SecurityGroups?.FirstOrDefault();
        if (group is null)
        {
            return;
        }

        var diff = IngressDiff.Of(previous.Ingress, IngressPermissions.RulesOf(group.IpPermissions));
        if (diff.IsEmpty)
        {
            return;
        }

        var tags = ResourceTags.For(plan, nameof(Rollback)).ToEc2Specification(Amazon.EC2.ResourceType.SecurityGroupRule);
        await IngressReconciler.ApplyAsync(aws.Ec2, group.GroupId, diff, [tags], cancellationToken);
        _restored.Add(new RestoredResource("ec2:security-group", group.GroupId,
            $"ingress: {diff.ToAuthorize.Count} rule(s) authorized again, {diff.ToRevoke.Count} revoked"));
    }

    public async Task RestoreManagedPoliciesAsync(CancellationToken cancellationToken)
    {
        if (before.Role is not { } previous)
        {
            return;
        }

        var attached = await DeletionLog.FindAsync(() => aws.Iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest(previous.RoleName), cancellationToken));
        if (attached is null)
        {
            return;
        }

        var now = attached.AttachedPolicies.Select(p => p.PolicyArn).ToHashSet(StringComparer.Ordinal);
        var toAttach = previous.ManagedPolicyArns.Where(a => !now.Contains(a)).ToList();
        var toDetach = now.Where(a => !previous.ManagedPolicyArns.Contains(a, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        foreach (var arn in toAttach)
        {
            await aws.Iam.AttachRolePolicyAsync(new AttachRolePolicyRequest(previous.RoleName, arn), cancellationToken);
        }

        foreach (var arn in toDetach)
        {
            await aws.Iam.DetachRolePolicyAsync(new DetachRolePolicyRequest(previous.RoleName, arn), cancellationToken);
        }

        if (toAttach.Count + toDetach.Count > 0)
        {
            _restored.Add(new RestoredResource("iam:role", previous.RoleName, $"managed policies: {toAttach.Count} attached again, {toDetach.Count} detached"));
        }
    }
}
