using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Ec2;

public sealed class VpcTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task CreateVpc_returns_an_aws_shaped_id_and_the_canonical_cidr()
    {
        var response = await _world.Aws.Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.2.3/16" });

        Assert.Matches("^vpc-[0-9a-f]{17}$", response.Vpc.VpcId);
        Assert.Equal("10.1.0.0/16", response.Vpc.CidrBlock);
    }

    [Theory]
    [InlineData("10.0.0.0/15")]
    [InlineData("10.0.0.0/29")]
    public async Task CreateVpc_outside_sizes_16_to_28_fails_InvalidVpc_Range(string cidr) =>
        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidVpcRange, () => _world.Aws.Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr }));

    [Theory]
    [InlineData("10.0.0/16")]
    [InlineData("10.0.0.0")]
    [InlineData("300.0.0.0/16")]
    public async Task CreateVpc_with_a_malformed_cidr_fails_InvalidParameterValue(string cidr) =>
        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidParameterValue, () => _world.Aws.Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr }));

    [Fact]
    public async Task CreateVpc_gives_the_vpc_its_default_security_group()
    {
        var vpc = await _world.VpcAsync();

        var groups = await _world.Aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("vpc-id", [vpc])] });

        var group = Assert.Single(groups.SecurityGroups);
        Assert.Equal("default", group.GroupName);
    }

    [Fact]
    public async Task DescribeVpcs_filters_by_tag_and_cidr()
    {
        var wanted = await _world.VpcAsync("10.0.0.0/16", new() { ["outpost-serverless:provisioning-id"] = "p-1" });
        await _world.VpcAsync("10.0.0.0/16", new() { ["outpost-serverless:provisioning-id"] = "p-2" });
        await _world.VpcAsync("10.9.0.0/16", new() { ["outpost-serverless:provisioning-id"] = "p-1" });

        var response = await _world.Aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest
        {
            Filters = [new Filter("tag:outpost-serverless:provisioning-id", ["p-1"]), new Filter("cidr", ["10.0.0.0/16"])],
        });

        Assert.Equal([wanted], response.Vpcs.Select(v => v.VpcId));
    }

    [Fact]
    public async Task DescribeVpcs_supports_wildcards_in_filter_values()
    {
        var vpc = await _world.VpcAsync(tags: new() { ["Name"] = "outpost-vpc-7" });

        var response = await _world.Aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("tag:Name", ["outpost-*"])] });

        Assert.Equal([vpc], response.Vpcs.Select(v => v.VpcId));
    }

    [Fact]
    public async Task DescribeVpcs_with_a_filter_EC2_does_not_know_fails_InvalidParameterValue() =>
        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidParameterValue,
            () => _world.Aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("cidr-block", ["10.0.0.0/16"])] }));

    [Fact]
    public async Task DescribeVpcs_with_an_unknown_id_fails_InvalidVpcID_NotFound() =>
        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidVpcIdNotFound,
            () => _world.Aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-0123456789abcdef0"] }));

    [Fact]
    public async Task DescribeVpcs_matching_nothing_leaves_the_list_null_as_the_SDK_v4_does()
    {
        var response = await _world.Aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("tag:Name", ["nothing"])] });

        Assert.Null(response.Vpcs);
    }

    [Fact]
    public async Task DeleteVpc_with_a_subnet_fails_DependencyViolation()
    {
        var vpc = await _world.VpcAsync();
        await _world.OutpostSubnetAsync(vpc);

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.DependencyViolation, () => _world.Aws.Ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc }));
    }

    [Fact]
    public async Task DeleteVpc_with_a_security_group_of_its_own_fails_DependencyViolation()
    {
        var vpc = await _world.VpcAsync();
        await _world.SecurityGroupAsync(vpc);

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.DependencyViolation, () => _world.Aws.Ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc }));
    }

    [Fact]
    public async Task DeleteVpc_with_only_its_default_group_deletes_both()
    {
        var vpc = await _world.VpcAsync();

        await _world.Aws.Ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc });

        var groups = await _world.Aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("vpc-id", [vpc])] });
        Assert.Null(groups.SecurityGroups);
        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidVpcIdNotFound, () => _world.Aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc] }));
    }
}
