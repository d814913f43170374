using Amazon.EC2.Model;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class EnsureVpcTests
{
    [Fact]
    public async Task EnsureVpc_creates_a_vpc_tagged_with_the_provisioning_id_step_and_name()
    {
        var world = ProvisioningWorld.Create();

        var vpc = await world.EnsureVpcAsync();

        var created = (await world.Aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc.VpcId] })).Vpcs.Single();
        Assert.Equal(world.Plan.Network.VpcCidr, created.CidrBlock);
        Assert.Contains(created.Tags, t => t.Key == ProvisioningTags.ProvisioningIdKey && t.Value == world.Plan.ProvisioningId);
        Assert.Contains(created.Tags, t => t.Key == ProvisioningTags.StepKey && t.Value == "EnsureVpc");
        Assert.Contains(created.Tags, t => t.Key == "Name");
    }

    [Fact]
    public async Task EnsureVpc_called_twice_creates_one_vpc_and_the_second_call_changes_nothing()
    {
        var world = ProvisioningWorld.Create();
        var first = await world.EnsureVpcAsync();

        VpcResource? second = null;
        var mutating = await world.MutatingCallsOf(async () => second = await world.EnsureVpcAsync());

        Assert.Equal(first, second);
        Assert.Equal(0, mutating);
        Assert.Equal(1, world.Cloud.Calls.Count("ec2:CreateVpc"));
    }

    [Fact]
    public async Task EnsureVpc_uses_the_existing_vpc_the_request_names_and_creates_none()
    {
        var world = ProvisioningWorld.Create();
        var users = (await world.Aws.Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" })).Vpc;
        world = world.WithPlan(p => p.WithExistingVpc(users.VpcId));

        var vpc = await world.EnsureVpcAsync();

        Assert.Equal(new VpcResource(users.VpcId, "10.1.0.0/16"), vpc);
        Assert.Equal(1, world.Cloud.Calls.Count("ec2:CreateVpc"));
    }

    [Fact]
    public async Task EnsureVpc_fails_ResourceNotFound_naming_network_vpcId_when_the_existing_vpc_is_missing()
    {
        var world = ProvisioningWorld.Create(p => p.WithExistingVpc("vpc-0123456789abcdef0"));

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => world.EnsureVpcAsync());

        Assert.Equal(("Provisioning.ResourceNotFound", "network.vpcId"), (error.ErrorName, error.Field));
        Assert.Contains("vpc-0123456789abcdef0", error.Message, StringComparison.Ordinal);
    }
}
