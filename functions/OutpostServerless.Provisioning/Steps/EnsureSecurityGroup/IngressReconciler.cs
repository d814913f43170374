using Amazon.EC2;
using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>Applies an <see cref="IngressDiff"/> to a group: one call per rule, each safe to repeat.</summary>
public static class IngressReconciler
{
    public static async Task ApplyAsync(IEc2 ec2, string groupId, IngressDiff diff, List<TagSpecification>? tagSpecifications, CancellationToken cancellationToken)
    {
        foreach (var rule in diff.ToAuthorize)
        {
            try
            {
                await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
                {
                    GroupId = groupId,
                    IpPermissions = [IngressPermissions.ToIpPermission(rule)],
                    TagSpecifications = tagSpecifications,
                }, cancellationToken);
            }
            catch (AmazonEC2Exception e) when (e.ErrorCode == Ec2ErrorCodes.InvalidPermissionDuplicate)
            {
                // An earlier attempt authorized it after our Describe: the rule is there, which is the goal.
            }
        }

        foreach (var rule in diff.ToRevoke)
        {
            // A rule already gone comes back in UnknownIpPermissions, not as an error: the goal is reached too.
            await ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest
            {
                GroupId = groupId,
                IpPermissions = [IngressPermissions.ToIpPermission(rule)],
            }, cancellationToken);
        }
    }
}
