using OutpostServerless.Aws.Iam;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class EnsureInstanceRoleTests
{
    [Fact]
    public async Task EnsureInstanceRole_creates_a_tagged_role_with_its_policies_and_an_instance_profile_holding_it()
    {
        var world = ProvisioningWorld.Create();

        var result = await world.EnsureInstanceRoleAsync();

        var iam = world.Aws.Iam;
        var role = (await iam.GetRoleAsync(new GetRoleRequest(result.RoleName))).Role;
        var attached = (await iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest(result.RoleName))).AttachedPolicies;
        var inline = (await iam.ListRolePoliciesAsync(new ListRolePoliciesRequest(result.RoleName))).PolicyNames;
        var profile = (await iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(result.InstanceProfileName))).InstanceProfile;
        Assert.True(ProvisioningTags.CarriesProvisioningId(role.Tags, world.Plan.ProvisioningId));
        Assert.Contains("ec2.amazonaws.com", role.AssumeRolePolicyDocument, StringComparison.Ordinal);
        Assert.Equal(world.Plan.Iam.ManagedPolicyArns, attached.Select(p => p.PolicyArn));
        Assert.Equal([InstanceRolePolicies.InlinePolicyName], inline);
        Assert.Equal([result.RoleName], profile.Roles.Select(r => r.RoleName));
        Assert.True(ProvisioningTags.CarriesProvisioningId(profile.Tags, world.Plan.ProvisioningId));
        Assert.Equal((role.Arn, profile.Arn), (result.RoleArn, result.InstanceProfileArn));
    }

    [Fact]
    public async Task EnsureInstanceRole_puts_the_role_and_profile_under_the_path_the_functions_policies_are_scoped_to()
    {
        var world = ProvisioningWorld.Create();

        var result = await world.EnsureInstanceRoleAsync();

        Assert.EndsWith($":role/outpost-serverless/{result.RoleName}", result.RoleArn, StringComparison.Ordinal);
        Assert.EndsWith($":instance-profile/outpost-serverless/{result.InstanceProfileName}", result.InstanceProfileArn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureInstanceRole_called_twice_creates_one_role_and_the_second_call_changes_nothing()
    {
        var world = ProvisioningWorld.Create();
        var (first, second, mutating) = await world.RunTwiceAsync(world.EnsureInstanceRoleAsync);

        Assert.Equal(first, second);
        Assert.Equal(0, mutating);
    }

    [Fact]
    public async Task EnsureInstanceRole_restores_an_inline_policy_that_was_changed()
    {
        var world = ProvisioningWorld.Create();
        var role = await world.EnsureInstanceRoleAsync();
        await world.Aws.Iam.PutRolePolicyAsync(new PutRolePolicyRequest(role.RoleName, InstanceRolePolicies.InlinePolicyName,
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"""));

        var mutating = await world.MutatingCallsOf(() => world.EnsureInstanceRoleAsync());

        var document = (await world.Aws.Iam.GetRolePolicyAsync(new GetRolePolicyRequest(role.RoleName, InstanceRolePolicies.InlinePolicyName))).PolicyDocument;
        Assert.True(InstanceRolePolicies.AreEquivalent(InstanceRolePolicies.InlinePolicy, document));
        Assert.Equal(1, mutating);
    }

    [Fact]
    public async Task EnsureInstanceRole_never_adopts_a_role_of_the_same_name_it_did_not_make()
    {
        var world = ProvisioningWorld.Create();
        await world.Aws.Iam.CreateRoleAsync(new CreateRoleRequest
        {
            RoleName = world.Plan.Iam.RoleName,
            AssumeRolePolicyDocument = InstanceRolePolicies.Ec2TrustPolicy,
        });

        var error = await Assert.ThrowsAsync<ResourceConflictException>(() => world.EnsureInstanceRoleAsync());

        Assert.Equal(world.Plan.Iam.RoleName, error.ResourceId);
        Assert.Empty((await world.Aws.Iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest(world.Plan.Iam.RoleName))).AttachedPolicies);
    }

    [Fact]
    public async Task EnsureInstanceRole_never_adopts_an_instance_profile_of_the_same_name_it_did_not_make()
    {
        var world = ProvisioningWorld.Create();
        await world.Aws.Iam.CreateInstanceProfileAsync(new CreateInstanceProfileRequest { InstanceProfileName = world.Plan.Iam.InstanceProfileName });

        var error = await Assert.ThrowsAsync<ResourceConflictException>(() => world.EnsureInstanceRoleAsync());

        Assert.Equal(world.Plan.Iam.InstanceProfileName, error.ResourceId);
        var profile = (await world.Aws.Iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(world.Plan.Iam.InstanceProfileName))).InstanceProfile;
        Assert.Empty(profile.Roles);
    }
}
