using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Aws.Iam;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Iam;

/// <summary>
/// IAM is eventually consistent: a new instance profile is refused by RunInstances, with the same
/// text as a profile that does not exist, until it has propagated (IAM user guide, "Changes that I
/// make are not always immediately visible").
/// </summary>
public sealed class InstanceProfilePropagationTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task A_launch_right_after_the_profile_is_made_is_refused_until_it_has_propagated()
    {
        var subnet = await _world.OutpostSubnetAsync(await _world.VpcAsync());
        await _world.Aws.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "fresh", AssumeRolePolicyDocument = TestWorld.Ec2TrustPolicy });
        await _world.Aws.Iam.CreateInstanceProfileAsync(new CreateInstanceProfileRequest { InstanceProfileName = "fresh" });
        await _world.Aws.Iam.AddRoleToInstanceProfileAsync(new AddRoleToInstanceProfileRequest("fresh", "fresh"));

        var refused = await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidParameterValue, () => _world.LaunchAsync(subnet, profile: "fresh"));
        _world.Advance(_world.Cloud.Options.Timings.InstanceProfilePropagation - TimeSpan.FromSeconds(1));
        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidParameterValue, () => _world.LaunchAsync(subnet, profile: "fresh"));
        _world.Advance(TimeSpan.FromSeconds(1));
        var launched = await _world.LaunchAsync(subnet, profile: "fresh");

        Assert.Equal("Value (fresh) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name", refused.Message);
        Assert.Single(launched.Reservation.Instances);
    }

    [Fact]
    public void The_default_propagation_delay_is_a_realistic_few_seconds()
    {
        Assert.InRange(EmulatorOptions.Default.Timings.InstanceProfilePropagation, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2));
    }
}
