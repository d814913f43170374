using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Reads what exists for a provisioning, by its tags and the plan's names, into a
/// <see cref="ProvisioningSnapshot"/>. Reads only. What carries another provisioning's tag is not
/// ours and is left out (the Ensure steps refuse it by name).
/// </summary>
public sealed class SnapshotReader(AwsPorts aws)
{
    public async Task<ProvisioningSnapshot> ReadAsync(ProvisioningPlan plan, CancellationToken cancellationToken)
    {
        var ours = ProvisioningTags.Ec2Filter(plan.ProvisioningId);
        var vpc = await ReadVpcAsync(plan, ours, cancellationToken);
        var subnet = (await aws.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [ours] }, cancellationToken)).Subnets?.FirstOrDefault();
        var group = (await aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [ours] }, cancellationToken)).SecurityGroups?.FirstOrDefault();
        var egressTable = (await aws.Ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [ours] }, cancellationToken)).RouteTables?.FirstOrDefault();
        var role = await ReadRoleAsync(plan, cancellationToken);
        var profile = await ReadInstanceProfileAsync(plan, cancellationToken);
        var cluster = await ReadClusterAsync(plan, cancellationToken);
        var instances = await ReadInstancesAsync(plan, ours, cluster, cancellationToken);
        var service = cluster is not null && plan.Workload.ServiceName is { } serviceName
            ? await ReadServiceAsync(plan, serviceName, cancellationToken)
            : null;
        var tasks = cluster is not null && plan.Workload.ServiceName is null
            ? await ReadTasksAsync(plan, cancellationToken)
            : [];
        var matching = await FindMatchingTaskDefinitionAsync(plan, service, tasks, cancellationToken);

        return new ProvisioningSnapshot
        {
            Vpc = vpc,
            Subnet = subnet is null ? null : new SubnetResource(subnet.SubnetId, subnet.CidrBlock, subnet.AvailabilityZoneId, subnet.OutpostArn),
            SecurityGroup = group is null ? null : new SecurityGroupSnapshot(group.GroupId, group.VpcId, IngressPermissions.RulesOf(group.IpPermissions)),
            EgressRouteTable = egressTable?.RouteTableId,
            Role = role,
            InstanceProfile = profile,
            Cluster = cluster,
            Instances = instances,
            MatchingTaskDefinition = matching,
            Service = service,
            Tasks = tasks,
        };
    }

    private async Task<VpcResource?> ReadVpcAsync(ProvisioningPlan plan, Filter ours, CancellationToken cancellationToken)
    {
        if (plan.Network.ExistingVpcId is { } existing)
        {
            try
            {
                var found = (await aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [existing] }, cancellationToken)).Vpcs?.FirstOrDefault();
                return found is null ? null : new VpcResource(found.VpcId, found.CidrBlock);
            }
            catch (AmazonEC2Exception e) when (e.ErrorCode == Ec2ErrorCodes.InvalidVpcIdNotFound)
            {
                return null; // EnsureVpc reports it, with the field that names it.
            }
        }

        var vpc = (await aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [ours] }, cancellationToken)).Vpcs?.FirstOrDefault();
        return vpc is null ? null : new VpcResource(vpc.VpcId, vpc.CidrBlock);
    }

    private async Task<RoleSnapshot?> ReadRoleAsync(ProvisioningPlan plan, CancellationToken cancellationToken)
    {
        var role = (await FindAsync(() => aws.Iam.GetRoleAsync(new GetRoleRequest(plan.Iam.RoleName), cancellationToken)))?.Role;
        if (role is null || !ProvisioningTags.CarriesProvisioningId(role.Tags, plan.ProvisioningId))
        {
            return null;
        }

        var attached = await aws.Iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest(role.RoleName), cancellationToken);
        return new RoleSnapshot(role.RoleName, [.. attached.AttachedPolicies.Select(p => p.PolicyArn).Order(StringComparer.Ordinal)]);
    }

    private async Task<string?> ReadInstanceProfileAsync(ProvisioningPlan plan, CancellationToken cancellationToken)
    {
        var profile = (await FindAsync(() => aws.Iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(plan.Iam.InstanceProfileName), cancellationToken)))?.InstanceProfile;
        return profile is not null && ProvisioningTags.CarriesProvisioningId(profile.Tags, plan.ProvisioningId) ? profile.InstanceProfileName : null;
    }

    private async Task<ClusterSnapshot?> ReadClusterAsync(ProvisioningPlan plan, CancellationToken cancellationToken)
    {
        var described = await aws.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [plan.Cluster.Name], Include = ["TAGS"] }, cancellationToken);
        var cluster = described.Clusters.FirstOrDefault(c => c.ClusterName == plan.Cluster.Name && c.Status != ClusterStatus.Inactive);
        return cluster is not null && ProvisioningTags.CarriesProvisioningId(cluster.Tags, plan.ProvisioningId)
            ? new ClusterSnapshot(cluster.ClusterName, cluster.ClusterArn, cluster.Tags.GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal))
            : null;
    }

    private async Task<IReadOnlyList<InstanceSnapshot>> ReadInstancesAsync(
        ProvisioningPlan plan, Filter ours, ClusterSnapshot? cluster, CancellationToken cancellationToken)
    {
        var instances = await LiveInstances.FindAsync(aws.Ec2, [ours], cancellationToken);
        if (instances.Count == 0)
        {
            return [];
        }

        var registered = cluster is null
            ? new Dictionary<string, Aws.Ecs.ContainerInstance>(StringComparer.Ordinal)
            : await RegisteredContainerInstances.ByEc2InstanceIdAsync(aws.Ecs, cluster.ClusterName, cancellationToken);
        return [.. instances
            .OrderBy(i => i.InstanceId, StringComparer.Ordinal)
            .Select(i =>
            {
                registered.TryGetValue(i.InstanceId, out var container);
                return new InstanceSnapshot(
                    i.InstanceId,
                    i.InstanceType?.Value ?? "",
                    Tag(i.Tags, LaunchConfiguration.TagKey),
                    Tag(i.Tags, ProvisioningTags.ClusterKey),
                    i.IamInstanceProfile?.Arn is { } arn ? arn[(arn.LastIndexOf('/') + 1)..] : null,
                    container?.ContainerInstanceArn,
                    container?.Status);
            })];
    }

    private async Task<ServiceSnapshot?> ReadServiceAsync(ProvisioningPlan plan, string serviceName, CancellationToken cancellationToken)
    {
        var described = await aws.Ecs.DescribeServicesAsync(new DescribeServicesRequest
        {
            Cluster = plan.Cluster.Name,
            Services = [serviceName],
            Include = ["TAGS"],
        }, cancellationToken);
        var service = described.Services.FirstOrDefault(s => s.ServiceName == serviceName && s.Status == EcsServiceStatus.Active);
        return service is not null && ProvisioningTags.CarriesProvisioningId(service.Tags, plan.ProvisioningId)
            ? new ServiceSnapshot(service.ServiceName, service.ServiceArn, service.TaskDefinition, service.DesiredCount)
            : null;
    }

    private async Task<IReadOnlyList<TaskSnapshot>> ReadTasksAsync(ProvisioningPlan plan, CancellationToken cancellationToken)
    {
        var tasks = new List<TaskSnapshot>();
        foreach (var desiredStatus in new[] { EcsTaskStatus.Running, EcsTaskStatus.Stopped })
        {
            var arns = await EcsTasks.ListAsync(aws.Ecs, new ListTasksRequest
            {
                Cluster = plan.Cluster.Name,
                StartedBy = plan.ProvisioningId,
                DesiredStatus = desiredStatus,
            }, cancellationToken);
            foreach (var task in await EcsTasks.DescribeAsync(aws.Ecs, plan.Cluster.Name, arns, cancellationToken))
            {
                tasks.Add(new TaskSnapshot(task.TaskArn, task.TaskDefinitionArn, task.LastStatus, task.DesiredStatus));
            }
        }

        return tasks;
    }

    /// <summary>
    /// The provisioning's revision that says what the request says. Only revisions tagged with this
    /// provisioning count, so two provisionings sharing a family never adopt each other's: the
    /// family's latest, and the revisions the service or tasks run.
    /// </summary>
    private async Task<TaskDefinitionResource?> FindMatchingTaskDefinitionAsync(
        ProvisioningPlan plan, ServiceSnapshot? service, IReadOnlyList<TaskSnapshot> tasks, CancellationToken cancellationToken)
    {
        var desired = TaskDefinitionRequest.From(plan.Workload, ResourceTags.For(plan, nameof(RegisterTaskDefinition)).ToEcs());
        var candidates = new List<string> { plan.Workload.Family };
        if (service is not null)
        {
            candidates.Add(service.TaskDefinitionArn);
        }

        candidates.AddRange(tasks.Select(t => t.TaskDefinitionArn));
        foreach (var reference in candidates.Distinct(StringComparer.Ordinal))
        {
            if (await OwnedTaskDefinitions.DescribeAsync(aws.Ecs, reference, plan.ProvisioningId, cancellationToken) is { TaskDefinition: var ours }
                && TaskDefinitionComparison.Matches(desired, ours))
            {
                return new TaskDefinitionResource(ours.TaskDefinitionArn, ours.Family, ours.Revision);
            }
        }

        return null;
    }

    private static string? Tag(IEnumerable<Amazon.EC2.Model.Tag>? tags, string key) =>
        tags?.FirstOrDefault(t => t.Key == key)?.Value;

    private static async Task<T?> FindAsync<T>(Func<Task<T>> find)
        where T : class
    {
        try
        {
            return await find();
        }
        catch (AmazonServiceException e) when (e.ErrorCode == IamErrorCodes.NoSuchEntity)
        {
            return null;
        }
    }
}
