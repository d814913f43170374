using OutpostServerless.Aws.Iam;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Deletes the instance profile and the role. IAM cannot filter by tag, so they are found by the
/// plan's names and deleted only if the <see cref="Ownership"/> owns them.
/// </summary>
public sealed class IamTeardown(IIam iam, ProvisioningPlan plan, Ownership owner, DeletionLog log)
{
    public async Task DeleteInstanceProfileAsync(CancellationToken cancellationToken)
    {
        var name = plan.Iam.InstanceProfileName;
        var profile = (await DeletionLog.FindAsync(() => iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(name), cancellationToken)))?.InstanceProfile;
        if (profile is null || !owner.Owns(profile.Tags))
        {
            return;
        }
        await log.DeleteAsync("iam:instance-profile", name, async () =>
        {
            foreach (var role in profile.Roles)
            {
                await IgnoreGoneAsync(() => iam.RemoveRoleFromInstanceProfileAsync(new RemoveRoleFromInstanceProfileRequest(name, role.RoleName), cancellationToken));
            }
            await iam.DeleteInstanceProfileAsync(new DeleteInstanceProfileRequest(name), cancellationToken);
        });
    }

    public async Task DeleteRoleAsync(CancellationToken cancellationToken)
    {
        var name = plan.Iam.RoleName;
        var role = (await DeletionLog.FindAsync(() => iam.GetRoleAsync(new GetRoleRequest(name), cancellationToken)))?.Role;
        if (role is null || !owner.Owns(role.Tags))
        {
            return;
        }
        await log.DeleteAsync("iam:role", name, async () =>
        {
            // IAM refuses to delete a role that still has policies: detach and delete them first.
            var attached = await iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest(name), cancellationToken);
            foreach (var policy in attached.AttachedPolicies)
            {
                await IgnoreGoneAsync(() => iam.DetachRolePolicyAsync(new DetachRolePolicyRequest(name, policy.PolicyArn), cancellationToken));
            }
            var inline = await iam.ListRolePoliciesAsync(new ListRolePoliciesRequest(name), cancellationToken);
            foreach (var policyName in inline.PolicyNames)
            {
                await IgnoreGoneAsync(() => iam.DeleteRolePolicyAsync(new DeleteRolePolicyRequest(name, policyName), cancellationToken));
            }
            await iam.DeleteRoleAsync(new DeleteRoleRequest(name), cancellationToken);
        });
    }

    private static async Task IgnoreGoneAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Amazon.Runtime.AmazonServiceException e) when (AlreadyGone.Is(e))
        {
            // Removed by an earlier attempt: nothing left to do.
        }
    }
}
