using OutpostServerless.Provisioning.Steps;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class EcsOptimizedAmiTests
{
    [Theory]
    [InlineData("c6g.large")]
    [InlineData("m6gd.xlarge")]
    [InlineData("r6g.2xlarge")]
    [InlineData("c7gn.large")]
    [InlineData("m7g.medium")]
    [InlineData("r7g.large")]
    [InlineData("t4g.small")]
    [InlineData("a1.large")]
    public void Graviton_types_use_the_arm64_parameter(string instanceType)
    {
        Assert.Equal(EcsOptimizedAmi.Arm64Parameter, EcsOptimizedAmi.ParameterFor(instanceType));
    }

    [Theory]
    [InlineData("c5.large")]
    [InlineData("m5.xlarge")]
    [InlineData("r5.large")]
    [InlineData("g4dn.xlarge")]
    [InlineData("m5zn.large")]
    public void Other_types_use_the_x86_parameter(string instanceType)
    {
        Assert.Equal(EcsOptimizedAmi.X86Parameter, EcsOptimizedAmi.ParameterFor(instanceType));
    }
}
