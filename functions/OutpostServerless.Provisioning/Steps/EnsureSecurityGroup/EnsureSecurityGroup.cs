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
/// and its ingress rules, each authorized only if the group does not already allow it.
/// </summary>
public sealed class EnsureSecurityGroup(AwsPorts aws, ILogger<EnsureSecurityGroup> logger)
    : IStep<EnsureSecurityGroupInput, SecurityGroupResource>
{
    public async Task<SecurityGroupResource> RunAsync(EnsureSecurityGroupInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var vpc = input.Vpc ?? throw new StepInputMissingException(nameof(EnsureSecurityGroup), "vpc");
        var groupName = plan.Network.SecurityGroupName;
        var tags = new ResourceTags(plan.ProvisioningId, nameof(EnsureSecurityGroup), groupName);

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

        foreach (var rule in plan.Network.Ingress)
        {
            if (IngressPermissions.IsGranted(rule, group?.IpPermissions))
            {
                continue;
            }
            try
            {
                await aws.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
                {
                    GroupId = groupId,
                    IpPermissions = [IngressPermissions.ToIpPermission(rule)],
                    TagSpecifications = [tags.ToEc2Specification(ResourceType.SecurityGroupRule)],
                }, cancellationToken);
                logger.LogInformation("Authorized {Protocol} {FromPort}-{ToPort} from {Cidr} on {GroupId}",
                    rule.Protocol, rule.FromPort, rule.ToPort, rule.Cidr, groupId);
            }
            catch (AmazonEC2Exception e) when (e.ErrorCode == Ec2ErrorCodes.InvalidPermissionDuplicate)
            {
                // An earlier attempt authorized it after our Describe: the rule is there, which is the goal.
            }
        }

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
