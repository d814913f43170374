using Amazon.EC2.Model;
using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Reads what exists of a provisioning now: EC2 resources by the provisioning-id tag, ECS and IAM resources by
/// the plan's names when they carry that tag. Calls only Describe/List/Get, so <c>status</c> (and an API's GET)
/// can ask at any time; what is gone is simply not listed. A VPC the request passed by id is listed as used, not owned.
/// </summary>
public sealed class DescribeProvisioning(AwsPorts aws, ILogger<DescribeProvisioning> logger) : IStep<DescribeProvisioningInput, ProvisioningInventory>
{
    public async Task<ProvisioningInventory> RunAsync(DescribeProvisioningInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var ours = ProvisioningTags.Ec2Filter(plan.ProvisioningId);
        var found = new List<ProvisioningResource>();

        var vpcs = await aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [ours] }, cancellationToken);
        found.AddRange((vpcs.Vpcs ?? []).Where(v => v.VpcId != plan.Network.ExistingVpcId).Select(v => new ProvisioningResource("ec2:vpc", v.VpcId, v.State?.Value ?? "exists", v.CidrBlock)));
        if (plan.Network.ExistingVpcId is { } existing)
        {
            var given = await DeletionLog.FindAsync(() => aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [existing] }, cancellationToken));
            found.AddRange((given?.Vpcs ?? []).Select(v => new ProvisioningResource("ec2:vpc", v.VpcId, v.State?.Value ?? "exists", "passed by id: used, never deleted")));
        }

        var subnets = await aws.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [ours] }, cancellationToken);
        found.AddRange((subnets.Subnets ?? []).Select(s => new ProvisioningResource("ec2:subnet", s.SubnetId, s.State?.Value ?? "exists", s.CidrBlock)));
        var groups = await aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [ours] }, cancellationToken);
        found.AddRange((groups.SecurityGroups ?? []).Select(g => new ProvisioningResource("ec2:security-group", g.GroupId, "exists", $"{g.IpPermissions?.Count ?? 0} ingress rule(s)")));

        found.AddRange(await IamAsync(plan.Iam.RoleName, plan.Iam.InstanceProfileName, plan.ProvisioningId, cancellationToken));
        found.AddRange(await InstancesAsync(ours, cancellationToken));
        found.AddRange(await EcsAsync(plan, cancellationToken));

        logger.LogInformation("Provisioning {ProvisioningId} has {ResourceCount} resource(s)", plan.ProvisioningId, found.Count);
        return new ProvisioningInventory(plan.ProvisioningId, found);
    }

    private async Task<IEnumerable<ProvisioningResource>> InstancesAsync(Filter ours, CancellationToken cancellationToken)
    {
        var found = new List<ProvisioningResource>();
        string? nextToken = null;
        do
        {
            var page = await aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest
            {
                Filters = [ours, new Filter("instance-state-name", ["pending", "running", "stopping", "stopped", "shutting-down"])],
                NextToken = nextToken,
            }, cancellationToken);
            found.AddRange((page.Reservations ?? []).SelectMany(r => r.Instances ?? [])
                .Select(i => new ProvisioningResource("ec2:instance", i.InstanceId, i.State?.Name?.Value ?? "exists", i.InstanceType?.Value)));
            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));
        return found.OrderBy(r => r.Id, StringComparer.Ordinal);
    }

    private async Task<IEnumerable<ProvisioningResource>> IamAsync(string roleName, string profileName, string provisioningId, CancellationToken cancellationToken)
    {
        var found = new List<ProvisioningResource>();
        var role = (await DeletionLog.FindAsync(() => aws.Iam.GetRoleAsync(new GetRoleRequest(roleName), cancellationToken)))?.Role;
        if (role is not null && ProvisioningTags.CarriesProvisioningId(role.Tags, provisioningId))
        {
            found.Add(new ProvisioningResource("iam:role", roleName, "exists", role.Arn));
        }

        var profile = (await DeletionLog.FindAsync(() => aws.Iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(profileName), cancellationToken)))?.InstanceProfile;
        if (profile is not null && ProvisioningTags.CarriesProvisioningId(profile.Tags, provisioningId))
        {
            found.Add(new ProvisioningResource("iam:instance-profile", profileName, "exists", profile.Arn));
        }

        return found;
    }

    private async Task<IEnumerable<ProvisioningResource>> EcsAsync(Request.ProvisioningPlan plan, CancellationToken cancellationToken)
    {
        var found = new List<ProvisioningResource>();
        var clusters = await DeletionLog.FindAsync(() => aws.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [plan.Cluster.Name], Include = ["TAGS"] }, cancellationToken));
        var cluster = clusters?.Clusters.FirstOrDefault(c => c.ClusterName == plan.Cluster.Name && c.Status != ClusterStatus.Inactive);
        if (cluster is null || !ProvisioningTags.CarriesProvisioningId(cluster.Tags, plan.ProvisioningId))
        {
            return found;
        }

        found.Add(new ProvisioningResource("ecs:cluster", cluster.ClusterArn, cluster.Status.Value, $"{cluster.RegisteredContainerInstancesCount} container instance(s), {cluster.RunningTasksCount} running task(s)"));
        var definition = await DeletionLog.FindAsync(() => aws.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = plan.Workload.Family, Include = ["TAGS"] }, cancellationToken));
        if (definition is not null && ProvisioningTags.CarriesProvisioningId(definition.Tags, plan.ProvisioningId))
        {
            found.Add(new ProvisioningResource("ecs:task-definition", definition.TaskDefinition.TaskDefinitionArn, definition.TaskDefinition.Status.Value));
        }

        if (plan.Workload.ServiceName is { } serviceName)
        {
            var services = await DeletionLog.FindAsync(() => aws.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = plan.Cluster.Name, Services = [serviceName], Include = ["TAGS"] }, cancellationToken));
            found.AddRange((services?.Services ?? [])
                .Where(s => s.Status != EcsServiceStatus.Inactive && ProvisioningTags.CarriesProvisioningId(s.Tags, plan.ProvisioningId))
                .Select(s => new ProvisioningResource("ecs:service", s.ServiceArn, s.Status.Value, $"{s.RunningCount}/{s.DesiredCount} running, {s.TaskDefinition}")));
        }

        var tasks = await DeletionLog.FindAsync(() => aws.Ecs.ListTasksAsync(new ListTasksRequest { Cluster = plan.Cluster.Name, StartedBy = plan.ProvisioningId, DesiredStatus = EcsTaskStatus.Running }, cancellationToken));
        found.AddRange((tasks?.TaskArns ?? []).Select(arn => new ProvisioningResource("ecs:task", arn, EcsTaskStatus.Running.Value)));
        return found;
    }
}
