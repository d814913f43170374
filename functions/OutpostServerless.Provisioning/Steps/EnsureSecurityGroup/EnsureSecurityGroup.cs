using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The container instances' security group (group names are unique per VPC, so it is found by name)
/// and its ingress rules, reconciled exactly: a missing rule is authorized, a rule the request does
/// not list is revoked (also one added out of band, which is logged), and nothing else is touched.
/// </summary>
public sealed class EnsureSecurityGroup(AwsPorts aws, ILogger<EnsureSecurityGroup> logger)
    : IStep<EnsureSecurityGroupInput, SecurityGroupResource>
{
    public async Task<SecurityGroupResource> RunAsync(EnsureSecurityGroupInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var vpc = input.Vpc ?? throw new StepInputMissingException(nameof(EnsureSecurityGroup), "vpc");
        var groupName = plan.Network.SecurityGroupName;
        var tags = ResourceTags.For(plan, nameof(EnsureSecurityGroup), groupName);

        var group = await FindAsync(groupName, vpc.VpcId, cancellationToken);
        if (group is not null && !ProvisioningTags.CarriesProvisioningId(group.Tags, plan.ProvisioningId))
        {
            throw new ResourceConflictException("Security group", $"{groupName} ({group.GroupId}) in {vpc.VpcId}", plan.ProvisioningId);
        }

        string groupId;
        if (group is null)
        {
            try
            {
                var created = await aws.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
                {
                    GroupName = groupName,
                    Description = $"ECS container instances of provisioning {plan.ProvisioningId}",
                    VpcId = vpc.VpcId,
                    TagSpecifications = [tags.ToEc2Specification(ResourceType.SecurityGroup)],
                }, cancellationToken);
                groupId = created.GroupId;
                logger.LogInformation("Created security group {GroupId} ({GroupName}) for {ProvisioningId}", groupId, groupName, plan.ProvisioningId);
            }
            catch (AmazonEC2Exception e) when (e.ErrorCode == Ec2ErrorCodes.InvalidGroupDuplicate)
            {
                // Made between our look and our create: ours if a racing attempt of this provisioning made it.
                group = await FindAsync(groupName, vpc.VpcId, cancellationToken);
                if (group is null || !ProvisioningTags.CarriesProvisioningId(group.Tags, plan.ProvisioningId))
                {
                    throw new ResourceConflictException("Security group", $"{groupName} in {vpc.VpcId}", plan.ProvisioningId);
                }

                groupId = group.GroupId;
                logger.LogInformation("Adopting security group {GroupId} another attempt of {ProvisioningId} just made", groupId, plan.ProvisioningId);
            }
        }
        else
        {
            groupId = group.GroupId;
            logger.LogInformation("Reusing security group {GroupId} made earlier for {ProvisioningId}", groupId, plan.ProvisioningId);
        }

        // Exact: rules the request does not list are revoked, including ones added out of band.
        var diff = IngressDiff.Of(plan.Network.Ingress, IngressPermissions.RulesOf(group?.IpPermissions));
        if (diff.ToRevoke.Count > 0)
        {
            logger.LogWarning("Revoking {Count} ingress rule(s) of {GroupId} that the request does not list: {Rules}",
                diff.ToRevoke.Count, groupId, string.Join("; ", diff.ToRevoke.Select(r => $"{r.Protocol} {r.FromPort}-{r.ToPort} from {r.Cidr}")));
        }
        await IngressReconciler.ApplyAsync(aws.Ec2, groupId, diff, [tags.ToEc2Specification(ResourceType.SecurityGroupRule)], cancellationToken);

        return new SecurityGroupResource(groupId, groupName);
    }

    private async Task<SecurityGroup?> FindAsync(string groupName, string vpcId, CancellationToken cancellationToken)
    {
        var response = await aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("group-name", [groupName]), new Filter("vpc-id", [vpcId])],
        }, cancellationToken);
        return response.SecurityGroups?.FirstOrDefault();
    }
}
