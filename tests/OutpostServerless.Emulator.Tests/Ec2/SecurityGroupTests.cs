using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Ec2;

public sealed class SecurityGroupTests
{
    private readonly TestWorld _world = new();

    private static IpPermission Tcp(int port, string cidr) =>
        new() { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new IpRange { CidrIp = cidr }] };

    [Fact]
    public async Task CreateSecurityGroup_with_a_name_taken_in_the_VPC_fails_InvalidGroup_Duplicate()
    {
        var vpc = await _world.VpcAsync();
        await _world.SecurityGroupAsync(vpc, "MyOutpostSG");

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidGroupDuplicate, () => _world.SecurityGroupAsync(vpc, "MyOutpostSG"));
    }

    [Fact]
    public async Task CreateSecurityGroup_with_a_name_taken_in_another_VPC_succeeds()
    {
        await _world.SecurityGroupAsync(await _world.VpcAsync(), "MyOutpostSG");

        var second = await _world.SecurityGroupAsync(await _world.VpcAsync(), "MyOutpostSG");

        Assert.Matches("^sg-[0-9a-f]{17}$", second);
    }

    [Fact]
    public async Task CreateSecurityGroup_without_a_description_fails_MissingParameter()
    {
        var vpc = await _world.VpcAsync();

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.MissingParameter,
            () => _world.Aws.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = "sg" }));
    }

    [Fact]
    public async Task AuthorizeSecurityGroupIngress_adds_the_rules_to_the_group()
    {
        var group = await _world.SecurityGroupAsync(await _world.VpcAsync());

        await _world.Aws.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group,
            IpPermissions = [Tcp(22, "10.0.3.0/24"), Tcp(80, "10.0.3.0/24")],
        });

        var described = await _world.Aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group] });
        var ports = described.SecurityGroups[0].IpPermissions.Select(p => p.FromPort).Order();
        Assert.Equal([22, 80], ports);
    }

    [Fact]
    public async Task AuthorizeSecurityGroupIngress_of_an_existing_rule_fails_InvalidPermission_Duplicate_and_adds_nothing()
    {
        var group = await _world.SecurityGroupAsync(await _world.VpcAsync());
        await _world.Aws.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = group, IpPermissions = [Tcp(22, "10.0.3.0/24")] });

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidPermissionDuplicate, () => _world.Aws.Ec2.AuthorizeSecurityGroupIngressAsync(
            new AuthorizeSecurityGroupIngressRequest { GroupId = group, IpPermissions = [Tcp(80, "10.0.3.0/24"), Tcp(22, "10.0.3.0/24")] }));

        var described = await _world.Aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group] });
        Assert.Equal([22], described.SecurityGroups[0].IpPermissions.Select(p => p.FromPort));
    }

    [Fact]
    public async Task AuthorizeSecurityGroupIngress_for_tcp_without_ports_fails_InvalidParameterValue()
    {
        var group = await _world.SecurityGroupAsync(await _world.VpcAsync());

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidParameterValue, () => _world.Aws.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/16" }] }],
        }));
    }

    [Fact]
    public async Task DescribeSecurityGroups_filters_by_group_name_and_vpc()
    {
        var vpc = await _world.VpcAsync();
        var wanted = await _world.SecurityGroupAsync(vpc, "app");
        await _world.SecurityGroupAsync(await _world.VpcAsync(), "app");

        var response = await _world.Aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("group-name", ["app"]), new Filter("vpc-id", [vpc])],
        });

        Assert.Equal([wanted], response.SecurityGroups.Select(g => g.GroupId));
    }

    [Fact]
    public async Task DeleteSecurityGroup_used_by_a_live_instance_fails_DependencyViolation()
    {
        var vpc = await _world.VpcAsync();
        var subnet = await _world.OutpostSubnetAsync(vpc);
        var group = await _world.SecurityGroupAsync(vpc);
        await _world.Aws.Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = TestWorld.EcsAmi,
            InstanceType = Amazon.EC2.InstanceType.C5Large,
            MinCount = 1,
            MaxCount = 1,
            SubnetId = subnet,
            SecurityGroupIds = [group],
        });

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.DependencyViolation, () => _world.Aws.Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group }));
    }

    [Fact]
    public async Task DeleteSecurityGroup_fails_DependencyViolation_until_the_terminated_instance_has_released_its_network_interface()
    {
        var vpc = await _world.VpcAsync();
        var subnet = await _world.OutpostSubnetAsync(vpc);
        var group = await _world.SecurityGroupAsync(vpc);
        var launch = await _world.Aws.Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = TestWorld.EcsAmi,
            InstanceType = Amazon.EC2.InstanceType.C5Large,
            MinCount = 1,
            MaxCount = 1,
            SubnetId = subnet,
            SecurityGroupIds = [group],
        });
        await _world.Aws.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [launch.Reservation.Instances[0].InstanceId] });
        var timings = _world.Cloud.Options.Timings;

        var whileShuttingDown = await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.DependencyViolation, () => _world.Aws.Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group }));
        _world.Advance(timings.InstanceTermination);
        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.DependencyViolation, () => _world.Aws.Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group }));
        _world.Advance(timings.NetworkInterfaceRelease);
        await _world.Aws.Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group });

        Assert.Equal($"resource {group} has a dependent object", whileShuttingDown.Message);
    }

    [Fact]
    public async Task DeleteSecurityGroup_removes_an_unused_group()
    {
        var group = await _world.SecurityGroupAsync(await _world.VpcAsync());

        await _world.Aws.Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group });

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidGroupNotFound,
            () => _world.Aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group] }));
    }
}
