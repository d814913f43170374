using Amazon.EC2.Model;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class EnsureSubnetTests
{
    [Fact]
    public async Task EnsureSubnet_creates_a_tagged_subnet_on_the_outpost()
    {
        var world = ProvisioningWorld.Create();
        var vpc = await world.EnsureVpcAsync();

        var subnet = await world.EnsureSubnetAsync(vpc);

        var created = (await world.Aws.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet.SubnetId] })).Subnets.Single();
        Assert.Equal((world.Plan.OutpostArn, world.Plan.AvailabilityZoneId, world.Plan.Network.SubnetCidr, vpc.VpcId),
            (created.OutpostArn, created.AvailabilityZoneId, created.CidrBlock, created.VpcId));
        Assert.True(ProvisioningTags.CarriesProvisioningId(created.Tags, world.Plan.ProvisioningId));
        Assert.Equal(subnet, new SubnetResource(created.SubnetId, created.CidrBlock, created.AvailabilityZoneId, created.OutpostArn));
    }

    [Fact]
    public async Task EnsureSubnet_reuses_the_subnet_an_earlier_attempt_made()
    {
        var world = ProvisioningWorld.Create();
        var vpc = await world.EnsureVpcAsync();
        var first = await world.EnsureSubnetAsync(vpc);

        SubnetResource? second = null;
        var mutating = await world.MutatingCallsOf(async () => second = await world.EnsureSubnetAsync(vpc));

        Assert.Equal(first, second);
        Assert.Equal(0, mutating);
        Assert.Equal(1, world.Cloud.Calls.Count("ec2:CreateSubnet"));
    }
}
