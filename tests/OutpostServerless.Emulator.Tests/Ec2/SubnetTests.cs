using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Ec2;

public sealed class SubnetTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task CreateSubnet_outside_the_VPC_CIDR_fails_InvalidSubnet_Range()
    {
        var vpc = await _world.VpcAsync("10.0.0.0/16");

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidSubnetRange, () => _world.OutpostSubnetAsync(vpc, "10.1.3.0/24"));
    }

    [Theory]
    [InlineData("10.0.0.0/15")]
    [InlineData("10.0.3.0/29")]
    public async Task CreateSubnet_outside_sizes_16_to_28_fails_InvalidSubnet_Range(string cidr)
    {
        var vpc = await _world.VpcAsync("10.0.0.0/16");

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidSubnetRange, () => _world.OutpostSubnetAsync(vpc, cidr));
    }

    [Fact]
    public async Task CreateSubnet_overlapping_another_subnet_fails_InvalidSubnet_Conflict()
    {
        var vpc = await _world.VpcAsync();
        await _world.OutpostSubnetAsync(vpc, "10.0.3.0/24");

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidSubnetConflict, () => _world.OutpostSubnetAsync(vpc, "10.0.3.128/25"));
    }

    [Fact]
    public async Task CreateSubnet_on_the_Outpost_records_its_ARN_and_zone()
    {
        var vpc = await _world.VpcAsync();

        var response = await _world.Aws.Ec2.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = vpc,
            CidrBlock = "10.0.3.0/24",
            OutpostArn = _world.Cloud.DefaultOutpostArn,
            AvailabilityZoneId = "usw2-az1",
        });

        Assert.Equal(_world.Cloud.DefaultOutpostArn, response.Subnet.OutpostArn);
        Assert.Equal("us-west-2a", response.Subnet.AvailabilityZone);
        Assert.Matches("^subnet-[0-9a-f]{17}$", response.Subnet.SubnetId);
    }

    [Theory]
    [InlineData("us-west-2b", null)]
    [InlineData(null, "usw2-az3")]
    [InlineData(null, null)]
    public async Task CreateSubnet_on_the_Outpost_outside_its_zone_fails_InvalidParameterValue(string? zone, string? zoneId)
    {
        var vpc = await _world.VpcAsync();

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidParameterValue, () => _world.Aws.Ec2.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = vpc,
            CidrBlock = "10.0.3.0/24",
            OutpostArn = _world.Cloud.DefaultOutpostArn,
            AvailabilityZone = zone,
            AvailabilityZoneId = zoneId,
        }));
    }

    [Fact]
    public async Task CreateSubnet_on_an_unknown_Outpost_fails_InvalidOutpostArnID_NotFound()
    {
        var vpc = await _world.VpcAsync();

        await AwsAssert.Ec2ErrorAsync("InvalidOutpostArnID.NotFound", () => _world.Aws.Ec2.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = vpc,
            CidrBlock = "10.0.3.0/24",
            OutpostArn = "arn:aws:outposts:us-west-2:123456789012:outpost/op-0fffffffffffffff0",
            AvailabilityZone = "us-west-2a",
        }));
    }

    [Fact]
    public async Task CreateSubnet_in_an_unknown_zone_fails_InvalidParameterValue()
    {
        var vpc = await _world.VpcAsync();

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidParameterValue,
            () => _world.Aws.Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.3.0/24", AvailabilityZone = "us-west-2z" }));
    }

    [Fact]
    public async Task DescribeSubnets_filters_by_outpost_arn()
    {
        var vpc = await _world.VpcAsync();
        var onOutpost = await _world.OutpostSubnetAsync(vpc);
        await _world.RegionalSubnetAsync(vpc);

        var response = await _world.Aws.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("outpost-arn", [_world.Cloud.DefaultOutpostArn])] });

        Assert.Equal([onOutpost], response.Subnets.Select(s => s.SubnetId));
    }

    [Fact]
    public async Task DescribeSubnets_filters_by_vpc_and_cidr_block()
    {
        var vpc = await _world.VpcAsync();
        var other = await _world.VpcAsync();
        var wanted = await _world.OutpostSubnetAsync(vpc, "10.0.3.0/24");
        await _world.OutpostSubnetAsync(other, "10.0.3.0/24");

        var response = await _world.Aws.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest
        {
            Filters = [new Filter("vpc-id", [vpc]), new Filter("cidr-block", ["10.0.3.0/24"])],
        });

        Assert.Equal([wanted], response.Subnets.Select(s => s.SubnetId));
    }

    [Fact]
    public async Task DeleteSubnet_with_an_instance_fails_DependencyViolation()
    {
        var vpc = await _world.VpcAsync();
        var subnet = await _world.OutpostSubnetAsync(vpc);
        await _world.LaunchAsync(subnet);

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.DependencyViolation, () => _world.Aws.Ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet }));
    }

    [Fact]
    public async Task DeleteSubnet_while_its_instance_is_shutting_down_fails_DependencyViolation()
    {
        var vpc = await _world.VpcAsync();
        var subnet = await _world.OutpostSubnetAsync(vpc);
        var launch = await _world.LaunchAsync(subnet);
        await _world.Aws.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [launch.Reservation.Instances[0].InstanceId] });

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.DependencyViolation, () => _world.Aws.Ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet }));
    }

    [Fact]
    public async Task DeleteSubnet_right_after_its_instance_terminated_fails_DependencyViolation_while_the_network_interface_lingers()
    {
        var vpc = await _world.VpcAsync();
        var subnet = await _world.OutpostSubnetAsync(vpc);
        var launch = await _world.LaunchAsync(subnet);
        await _world.Aws.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [launch.Reservation.Instances[0].InstanceId] });
        _world.Advance(_world.Cloud.Options.Timings.InstanceTermination);

        var instance = await _world.Aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [launch.Reservation.Instances[0].InstanceId] });
        var refused = await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.DependencyViolation, () => _world.Aws.Ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet }));

        Assert.Equal("terminated", instance.Reservations[0].Instances[0].State.Name.Value);
        Assert.Equal($"The subnet '{subnet}' has dependencies and cannot be deleted.", refused.Message);
    }

    [Fact]
    public async Task DeleteSubnet_succeeds_once_its_instances_have_terminated_and_released_their_network_interfaces()
    {
        var vpc = await _world.VpcAsync();
        var subnet = await _world.OutpostSubnetAsync(vpc);
        var launch = await _world.LaunchAsync(subnet);
        await _world.Aws.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [launch.Reservation.Instances[0].InstanceId] });
        _world.Advance(_world.Cloud.Options.Timings.InstanceTermination + _world.Cloud.Options.Timings.NetworkInterfaceRelease);

        await _world.Aws.Ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet });

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidSubnetIdNotFound, () => _world.Aws.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet] }));
    }
}
