using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.SimpleSystemsManagement.Model;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Ssm;

public sealed class SsmTests
{
    private readonly TestWorld _world = new();

    [Theory]
    [InlineData("/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id", "c5.large")]
    [InlineData("/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id", "m6g.large")]
    public async Task GetParameter_of_an_ECS_optimized_AMI_names_an_image_EC2_launches(string name, string instanceType)
    {
        var parameter = await _world.Aws.Ssm.GetParameterAsync(new GetParameterRequest { Name = name });
        var subnet = await _world.RegionalSubnetAsync(await _world.VpcAsync());

        var launch = await _world.Aws.Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = parameter.Parameter.Value,
            InstanceType = InstanceType.FindValue(instanceType),
            MinCount = 1,
            MaxCount = 1,
            SubnetId = subnet,
        });

        Assert.Equal(parameter.Parameter.Value, launch.Reservation.Instances[0].ImageId);
    }

    [Fact]
    public async Task GetParameter_of_an_unknown_name_fails_ParameterNotFound_as_the_SDK_types_it()
    {
        var error = await Assert.ThrowsAsync<ParameterNotFoundException>(
            () => _world.Aws.Ssm.GetParameterAsync(new GetParameterRequest { Name = "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id_typo" }));

        Assert.Equal("ParameterNotFound", error.ErrorCode);
    }
}
