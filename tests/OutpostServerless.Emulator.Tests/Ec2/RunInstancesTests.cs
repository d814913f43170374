using Amazon.EC2;
using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Ec2;

public sealed class RunInstancesTests
{
    private readonly TestWorld _world = new();

    private async Task<string> OutpostSubnetAsync() => await _world.OutpostSubnetAsync(await _world.VpcAsync());

    // One c5.large of the ECS AMI onto the subnet: each test changes only the parameter it is about.
    private Task<RunInstancesResponse> LaunchOneAsync(string subnet, Action<RunInstancesRequest> change)
    {
        var request = new RunInstancesRequest
        {
            ImageId = TestWorld.EcsAmi,
            InstanceType = InstanceType.C5Large,
            MinCount = 1,
            MaxCount = 1,
            SubnetId = subnet,
        };
        change(request);
        return _world.Aws.Ec2.RunInstancesAsync(request);
    }

    [Fact]
    public async Task RunInstances_launches_pending_instances_on_the_Outpost_subnet()
    {
        var subnet = await OutpostSubnetAsync();

        var response = await _world.LaunchAsync(subnet, count: 2);

        Assert.Matches("^r-[0-9a-f]{17}$", response.Reservation.ReservationId);
        Assert.All(response.Reservation.Instances, i =>
        {
            Assert.Matches("^i-[0-9a-f]{17}$", i.InstanceId);
            Assert.Equal(InstanceStateName.Pending, i.State.Name);
            Assert.Equal(_world.Cloud.DefaultOutpostArn, i.OutpostArn);
            Assert.Equal(subnet, i.SubnetId);
        });
    }

    [Fact]
    public async Task RunInstances_with_the_same_client_token_returns_the_original_reservation()
    {
        var subnet = await OutpostSubnetAsync();
        var first = await _world.LaunchAsync(subnet, count: 2, clientToken: "prov-1-launch");

        var retry = await _world.LaunchAsync(subnet, count: 2, clientToken: "prov-1-launch");

        Assert.Equal(first.Reservation.ReservationId, retry.Reservation.ReservationId);
        Assert.Equal(first.Reservation.Instances.Select(i => i.InstanceId), retry.Reservation.Instances.Select(i => i.InstanceId));
        Assert.Equal(16 - 2, _world.Cloud.FreeSlots("c5.large"));
    }

    [Fact]
    public async Task RunInstances_with_a_reused_client_token_and_other_parameters_fails_IdempotentParameterMismatch()
    {
        var subnet = await OutpostSubnetAsync();
        await _world.LaunchAsync(subnet, count: 1, clientToken: "prov-1-launch");

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.IdempotentParameterMismatch, () => _world.LaunchAsync(subnet, count: 2, clientToken: "prov-1-launch"));
    }

    [Fact]
    public async Task RunInstances_beyond_free_Outpost_slots_fails_InsufficientInstanceCapacity_and_launches_nothing()
    {
        var subnet = await OutpostSubnetAsync();
        _world.Cloud.SetFreeSlots("c5.large", 2);

        var error = await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InsufficientInstanceCapacity, () => _world.LaunchAsync(subnet, count: 3));

        Assert.StartsWith("We currently do not have sufficient c5.large capacity", error.Message, StringComparison.Ordinal);
        var instances = await _world.Aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest());
        Assert.Null(instances.Reservations);
        Assert.Equal(2, _world.Cloud.FreeSlots("c5.large"));
    }

    [Fact]
    public async Task RunInstances_launches_as_many_as_fit_between_MinCount_and_MaxCount()
    {
        var subnet = await OutpostSubnetAsync();
        _world.Cloud.SetFreeSlots("c5.large", 3);

        var response = await _world.LaunchAsync(subnet, count: 5, minCount: 2);

        Assert.Equal(3, response.Reservation.Instances.Count);
        Assert.Equal(0, _world.Cloud.FreeSlots("c5.large"));
    }

    [Fact]
    public async Task RunInstances_of_a_type_the_Outpost_is_not_slotted_for_fails_Unsupported()
    {
        var subnet = await OutpostSubnetAsync();

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.Unsupported, () => _world.LaunchAsync(subnet, instanceType: "t3.micro"));
    }

    [Fact]
    public async Task RunInstances_on_a_regional_subnet_does_not_use_Outpost_slots()
    {
        var subnet = await _world.RegionalSubnetAsync(await _world.VpcAsync());
        _world.Cloud.SetFreeSlots("c5.large", 0);

        var response = await _world.LaunchAsync(subnet, count: 3);

        Assert.Equal(3, response.Reservation.Instances.Count);
        Assert.All(response.Reservation.Instances, i => Assert.Null(i.OutpostArn));
    }

    [Fact]
    public async Task RunInstances_onto_a_disconnected_Outpost_fails_InsufficientInstanceCapacity()
    {
        var subnet = await OutpostSubnetAsync();
        _world.Cloud.SetConnected(false);

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InsufficientInstanceCapacity, () => _world.LaunchAsync(subnet));
    }

    [Fact]
    public async Task RunInstances_with_an_unknown_AMI_fails_InvalidAMIID_NotFound()
    {
        var subnet = await OutpostSubnetAsync();

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidAmiIdNotFound, () => LaunchOneAsync(subnet, r => r.ImageId = "ami-0fffffffffffffff0"));
    }

    [Fact]
    public async Task RunInstances_with_an_arm64_AMI_on_an_x86_type_fails_InvalidParameterValue()
    {
        var subnet = await OutpostSubnetAsync();

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidParameterValue, () => LaunchOneAsync(subnet, r => r.ImageId = TestWorld.EcsArmAmi));
    }

    [Fact]
    public async Task RunInstances_with_an_unknown_instance_profile_fails_InvalidParameterValue()
    {
        var subnet = await OutpostSubnetAsync();

        var error = await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidParameterValue, () => _world.LaunchAsync(subnet, profile: "missing-profile"));

        Assert.Equal("Value (missing-profile) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name", error.Message);
    }

    [Fact]
    public async Task RunInstances_with_an_instance_profile_by_ARN_records_it_on_the_instance()
    {
        var subnet = await OutpostSubnetAsync();
        var name = await _world.EcsInstanceProfileAsync();
        var profile = await _world.Aws.Iam.GetInstanceProfileAsync(new(name));

        var response = await LaunchOneAsync(subnet, r => r.IamInstanceProfile = new IamInstanceProfileSpecification { Arn = profile.InstanceProfile.Arn });

        Assert.Equal(profile.InstanceProfile.Arn, response.Reservation.Instances[0].IamInstanceProfile.Arn);
    }

    [Fact]
    public async Task RunInstances_with_an_unknown_key_pair_fails_InvalidKeyPair_NotFound()
    {
        var subnet = await OutpostSubnetAsync();

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidKeyPairNotFound, () => LaunchOneAsync(subnet, r => r.KeyName = "aws-outpost-key"));
    }

    [Fact]
    public async Task RunInstances_with_user_data_that_is_not_base64_fails_InvalidParameterValue()
    {
        var subnet = await OutpostSubnetAsync();

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidParameterValue, () => _world.LaunchAsync(subnet, userData: "#!/bin/bash\necho not encoded"));
    }

    [Fact]
    public async Task RunInstances_with_a_security_group_of_another_VPC_fails_InvalidParameter()
    {
        var subnet = await OutpostSubnetAsync();
        var foreignGroup = await _world.SecurityGroupAsync(await _world.VpcAsync());

        await AwsAssert.Ec2ErrorAsync("InvalidParameter", () => LaunchOneAsync(subnet, r => r.SecurityGroupIds = [foreignGroup]));
    }

    [Fact]
    public async Task RunInstances_without_a_security_group_uses_the_VPC_default_group()
    {
        var vpc = await _world.VpcAsync();
        var subnet = await _world.OutpostSubnetAsync(vpc);

        var response = await _world.LaunchAsync(subnet);

        Assert.Equal("default", Assert.Single(response.Reservation.Instances[0].SecurityGroups).GroupName);
    }
}
