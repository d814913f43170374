using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The container instance role (EC2 trust, exactly the plan's managed policies, one inline policy) and the
/// instance profile of the same name that RunInstances takes. IAM is keyed by name, so each piece is
/// read first and only what is missing or different is written; a role or profile with our name but
/// without our tag belongs to someone else and is never adopted.
/// </summary>
public sealed class EnsureInstanceRole(AwsPorts aws, ILogger<EnsureInstanceRole> logger)
    : IStep<EnsureInstanceRoleInput, InstanceRoleResource>
{
    /// <summary>
    /// Every role and instance profile the workflow makes lives under this IAM path, so the functions'
    /// own policies (template.yaml) can scope iam:CreateRole, iam:PassRole and the rest to it.
    /// </summary>
    public const string IamPath = "/outpost-serverless/";

    public async Task<InstanceRoleResource> RunAsync(EnsureInstanceRoleInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var tags = ResourceTags.For(plan, nameof(EnsureInstanceRole));

        var role = await EnsureRoleAsync(plan.Iam.RoleName, plan.ProvisioningId, tags, cancellationToken);
        await EnsureInlinePolicyAsync(role.RoleName, cancellationToken);
        await EnsureManagedPoliciesAsync(role.RoleName, plan.Iam.ManagedPolicyArns, cancellationToken);
        var profile = await EnsureInstanceProfileAsync(plan.Iam.InstanceProfileName, role.RoleName, plan.ProvisioningId, tags, cancellationToken);

        return new InstanceRoleResource(role.RoleName, role.Arn, profile.InstanceProfileName, profile.Arn);
    }

    private async Task<Role> EnsureRoleAsync(string roleName, string provisioningId, ResourceTags tags, CancellationToken cancellationToken)
    {
        try
        {
            var existing = (await aws.Iam.GetRoleAsync(new GetRoleRequest(roleName), cancellationToken)).Role;
            if (!ProvisioningTags.CarriesProvisioningId(existing.Tags, provisioningId))
            {
                throw new ResourceConflictException("IAM role", roleName, provisioningId);
            }
            return existing;
        }
        catch (AmazonServiceException e) when (e.ErrorCode == IamErrorCodes.NoSuchEntity)
        {
            try
            {
                var created = (await aws.Iam.CreateRoleAsync(new CreateRoleRequest
                {
                    RoleName = roleName,
                    Path = IamPath,
                    AssumeRolePolicyDocument = InstanceRolePolicies.Ec2TrustPolicy,
                    Description = $"ECS container instances on an Outpost, provisioning {provisioningId}",
                    Tags = tags.ToIam(),
                }, cancellationToken)).Role;
                logger.LogInformation("Created IAM role {RoleName} for {ProvisioningId}", roleName, provisioningId);
                return created;
            }
            catch (AmazonServiceException exists) when (exists.ErrorCode == IamErrorCodes.EntityAlreadyExists)
            {
                // Made between our look and our create: ours if a racing attempt of this provisioning made it.
                var racer = (await aws.Iam.GetRoleAsync(new GetRoleRequest(roleName), cancellationToken)).Role;
                return ProvisioningTags.CarriesProvisioningId(racer.Tags, provisioningId)
                    ? racer
                    : throw new ResourceConflictException("IAM role", roleName, provisioningId);
            }
        }
    }

    private async Task EnsureInlinePolicyAsync(string roleName, CancellationToken cancellationToken)
    {
        string? current = null;
        try
        {
            current = (await aws.Iam.GetRolePolicyAsync(
                new GetRolePolicyRequest(roleName, InstanceRolePolicies.InlinePolicyName), cancellationToken)).PolicyDocument;
        }
        catch (AmazonServiceException e) when (e.ErrorCode == IamErrorCodes.NoSuchEntity)
        {
            // Not there yet: written below.
        }
        if (InstanceRolePolicies.AreEquivalent(current, InstanceRolePolicies.InlinePolicy))
        {
            return;
        }
        await aws.Iam.PutRolePolicyAsync(
            new PutRolePolicyRequest(roleName, InstanceRolePolicies.InlinePolicyName, InstanceRolePolicies.InlinePolicy), cancellationToken);
        logger.LogInformation("Put inline policy {PolicyName} on {RoleName}", InstanceRolePolicies.InlinePolicyName, roleName);
    }

    private async Task EnsureManagedPoliciesAsync(string roleName, IReadOnlyList<string> policyArns, CancellationToken cancellationToken)
    {
        var attached = (await aws.Iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest(roleName), cancellationToken))
            .AttachedPolicies.Select(p => p.PolicyArn).ToHashSet(StringComparer.Ordinal);
        foreach (var policyArn in policyArns.Where(arn => !attached.Contains(arn)))
        {
            await aws.Iam.AttachRolePolicyAsync(new AttachRolePolicyRequest(roleName, policyArn), cancellationToken);
            logger.LogInformation("Attached {PolicyArn} to {RoleName}", policyArn, roleName);
        }

        // The set is the request's: a policy no longer listed is detached (the plan always lists the ECS instance policy).
        foreach (var policyArn in attached.Where(arn => !policyArns.Contains(arn, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
        {
            await aws.Iam.DetachRolePolicyAsync(new DetachRolePolicyRequest(roleName, policyArn), cancellationToken);
            logger.LogInformation("Detached {PolicyArn} from {RoleName}: the request no longer lists it", policyArn, roleName);
        }
    }

    private async Task<InstanceProfile> EnsureInstanceProfileAsync(
        string profileName, string roleName, string provisioningId, ResourceTags tags, CancellationToken cancellationToken)
    {
        InstanceProfile profile;
        try
        {
            profile = (await aws.Iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(profileName), cancellationToken)).InstanceProfile;
            if (!ProvisioningTags.CarriesProvisioningId(profile.Tags, provisioningId))
            {
                throw new ResourceConflictException("IAM instance profile", profileName, provisioningId);
            }
        }
        catch (AmazonServiceException e) when (e.ErrorCode == IamErrorCodes.NoSuchEntity)
        {
            try
            {
                profile = (await aws.Iam.CreateInstanceProfileAsync(new CreateInstanceProfileRequest
                {
                    InstanceProfileName = profileName,
                    Path = IamPath,
                    Tags = tags.ToIam(),
                }, cancellationToken)).InstanceProfile;
                logger.LogInformation("Created instance profile {InstanceProfileName} for {ProvisioningId}", profileName, provisioningId);
            }
            catch (AmazonServiceException exists) when (exists.ErrorCode == IamErrorCodes.EntityAlreadyExists)
            {
                // Made between our look and our create: ours if a racing attempt of this provisioning made it.
                profile = (await aws.Iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(profileName), cancellationToken)).InstanceProfile;
                if (!ProvisioningTags.CarriesProvisioningId(profile.Tags, provisioningId))
                {
                    throw new ResourceConflictException("IAM instance profile", profileName, provisioningId);
                }
            }
        }

        if (!profile.Roles.Any(r => r.RoleName == roleName))
        {
            try
            {
                await aws.Iam.AddRoleToInstanceProfileAsync(new AddRoleToInstanceProfileRequest(profileName, roleName), cancellationToken);
                logger.LogInformation("Added role {RoleName} to instance profile {InstanceProfileName}", roleName, profileName);
            }
            catch (AmazonServiceException full) when (full.ErrorCode == IamErrorCodes.LimitExceeded)
            {
                // A profile holds one role: a racing attempt added ours first, or someone else's is there.
                profile = (await aws.Iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(profileName), cancellationToken)).InstanceProfile;
                if (!profile.Roles.Any(r => r.RoleName == roleName))
                {
                    throw;
                }
            }
        }
        return profile;
    }
}
