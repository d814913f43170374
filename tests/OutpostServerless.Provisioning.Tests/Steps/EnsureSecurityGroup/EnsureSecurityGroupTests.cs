using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class EnsureSecurityGroupTests
{
    [Fact]
    public async Task EnsureSecurityGroup_creates_the_group_with_every_planned_ingress_rule()
    {
        var world = ProvisioningWorld.Create();
        var vpc = await world.EnsureVpcAsync();

        var group = await world.EnsureSecurityGroupAsync(vpc);

        var created = await DescribeAsync(world, group.GroupId);
        Assert.Equal(world.Plan.Network.SecurityGroupName, created.GroupName);
        Assert.All(world.Plan.Network.Ingress, rule => Assert.True(IngressPermissions.IsGranted(rule, created.IpPermissions), $"{rule} missing"));
    }

    [Fact]
    public async Task EnsureSecurityGroup_called_twice_creates_one_group_and_the_second_call_changes_nothing()
    {
        var world = ProvisioningWorld.Create();
        var vpc = await world.EnsureVpcAsync();
        var first = await world.EnsureSecurityGroupAsync(vpc);

        SecurityGroupResource? second = null;
        var mutating = await world.MutatingCallsOf(async () => second = await world.EnsureSecurityGroupAsync(vpc));

        Assert.Equal(first, second);
        Assert.Equal(0, mutating);
    }

    [Fact]
    public async Task EnsureSecurityGroup_authorizes_only_the_rule_that_is_missing()
    {
        var world = ProvisioningWorld.Create();
        var vpc = await world.EnsureVpcAsync();
        await world.EnsureSecurityGroupAsync(vpc);
        var https = new IngressRulePlan("tcp", 443, 443, "10.0.3.0/24", "https");
        var changed = world.WithPlan(p => p with { Network = p.Network with { Ingress = [.. p.Network.Ingress, https] } });

        var before = world.Cloud.Calls.Count("ec2:AuthorizeSecurityGroupIngress");
        var group = await changed.EnsureSecurityGroupAsync(vpc);

        Assert.Equal(1, world.Cloud.Calls.Count("ec2:AuthorizeSecurityGroupIngress") - before);
        Assert.True(IngressPermissions.IsGranted(https, (await DescribeAsync(world, group.GroupId)).IpPermissions));
    }

    [Fact]
    public async Task EnsureSecurityGroup_treats_a_duplicate_permission_as_already_authorized()
    {
        var world = ProvisioningWorld.Create();
        var vpc = await world.EnsureVpcAsync();
        world.Cloud.InjectFault("ec2:AuthorizeSecurityGroupIngress", Ec2ErrorCodes.InvalidPermissionDuplicate, "the specified rule already exists");

        var group = await world.EnsureSecurityGroupAsync(vpc);

        Assert.Equal(world.Plan.Network.SecurityGroupName, group.GroupName);
    }

    [Fact]
    public async Task EnsureSecurityGroup_never_adopts_a_group_of_the_same_name_it_did_not_make()
    {
        var world = ProvisioningWorld.Create();
        var vpc = await world.EnsureVpcAsync();
        var foreign = await world.Aws.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = world.Plan.Network.SecurityGroupName,
            Description = "someone else's",
            VpcId = vpc.VpcId,
        });

        var error = await Assert.ThrowsAsync<ResourceConflictException>(() => world.EnsureSecurityGroupAsync(vpc));

        Assert.Equal("Provisioning.ResourceConflict", error.ErrorName);
        Assert.Contains(foreign.GroupId, error.ResourceId, StringComparison.Ordinal);
        Assert.Empty((await DescribeAsync(world, foreign.GroupId)).IpPermissions ?? []);
    }

    private static async Task<SecurityGroup> DescribeAsync(ProvisioningWorld world, string groupId) =>
        (await world.Aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] })).SecurityGroups.Single();
}
