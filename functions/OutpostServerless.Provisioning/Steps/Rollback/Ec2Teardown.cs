using Amazon.EC2;
using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Deletes what the <see cref="Ownership"/> owns in EC2, found by its tag: instances, then
/// security groups, subnets and VPCs. The request's own VPC is never deleted, tagged or not.
/// Terminated instances hold on to their security group and subnet until they finish shutting
/// down, so Rollback asks <see cref="InstancesShuttingDownAsync"/> before deleting those; instances
/// on a disconnected Outpost cannot be terminated at all until it reconnects.
/// </summary>
public sealed class Ec2Teardown(IEc2 ec2, ProvisioningPlan plan, Ownership owner, DeletionLog log)
{
    /// <summary>EC2's 503, which is also what an instance action on a disconnected Outpost meets.</summary>
    public const string ServiceUnavailable = "ServiceUnavailable";

    private Filter OurTag => owner.Ec2Filter;

    /// <summary>
    /// Terminates our instances; returns those EC2 could not act on because their Outpost is disconnected
    /// from the Region (ServiceUnavailable): they are terminated by a later attempt, once it is back.
    /// </summary>
    public async Task<IReadOnlyList<string>> TerminateInstancesAsync(CancellationToken cancellationToken)
    {
        var instanceIds = new List<string>();
        string? nextToken = null;
        do
        {
            var page = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest
            {
                Filters = [OurTag, new Filter("instance-state-name", ["pending", "running", "stopping", "stopped"])],
                NextToken = nextToken,
            }, cancellationToken);
            instanceIds.AddRange((page.Reservations ?? []).SelectMany(r => r.Instances ?? []).Select(i => i.InstanceId));
            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));

        var unreachable = new List<string>();
        foreach (var instanceId in instanceIds.Distinct().Order(StringComparer.Ordinal))
        {
            try
            {
                await log.DeleteAsync("ec2:instance", instanceId, () => ec2.TerminateInstancesAsync(
                    new TerminateInstancesRequest { InstanceIds = [instanceId] }, cancellationToken));
            }
            catch (AmazonEC2Exception e) when (e.ErrorCode == ServiceUnavailable)
            {
                unreachable.Add(instanceId);
            }
        }

        return unreachable;
    }

    /// <summary>Our instances that are terminating but not yet terminated.</summary>
    public async Task<IReadOnlyList<string>> InstancesShuttingDownAsync(CancellationToken cancellationToken)
    {
        var instanceIds = new List<string>();
        string? nextToken = null;
        do
        {
            var page = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest
            {
                Filters = [OurTag, new Filter("instance-state-name", ["shutting-down"])],
                NextToken = nextToken,
            }, cancellationToken);
            instanceIds.AddRange((page.Reservations ?? []).SelectMany(r => r.Instances ?? []).Select(i => i.InstanceId));
            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));
        return [.. instanceIds.Distinct().Order(StringComparer.Ordinal)];
    }

    public async Task DeleteSecurityGroupsAsync(CancellationToken cancellationToken)
    {
        var groups = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [OurTag] }, cancellationToken);
        foreach (var group in groups.SecurityGroups ?? [])
        {
            await log.DeleteAsync("ec2:security-group", group.GroupId, () => ec2.DeleteSecurityGroupAsync(
                new DeleteSecurityGroupRequest { GroupId = group.GroupId }, cancellationToken));
        }
    }

    public async Task DeleteSubnetsAsync(CancellationToken cancellationToken)
    {
        var subnets = await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [OurTag] }, cancellationToken);
        foreach (var subnet in subnets.Subnets ?? [])
        {
            await log.DeleteAsync("ec2:subnet", subnet.SubnetId, () => ec2.DeleteSubnetAsync(
                new DeleteSubnetRequest { SubnetId = subnet.SubnetId }, cancellationToken));
        }
    }

    public async Task DeleteVpcsAsync(CancellationToken cancellationToken)
    {
        var vpcs = await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [OurTag] }, cancellationToken);
        foreach (var vpc in (vpcs.Vpcs ?? []).Where(v => v.VpcId != plan.Network.ExistingVpcId))
        {
            await log.DeleteAsync("ec2:vpc", vpc.VpcId, () => ec2.DeleteVpcAsync(
                new DeleteVpcRequest { VpcId = vpc.VpcId }, cancellationToken));
        }
    }
}
