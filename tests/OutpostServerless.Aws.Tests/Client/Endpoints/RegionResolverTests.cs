using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Tests.Testing;
using OutpostServerless.Testing.Fakes;

namespace OutpostServerless.Aws.Tests.Client.Endpoints;

public sealed class RegionResolverTests
{
    private static readonly Dictionary<string, string> Both = new() { ["AWS_REGION"] = "eu-west-1", ["AWS_DEFAULT_REGION"] = "ap-south-1" };

    [Fact]
    public void An_explicit_region_wins() =>
        Assert.Equal("us-west-2", new RegionResolver(new FakeEnvironment(Both)).Resolve("us-west-2"));

    [Fact]
    public void Aws_region_comes_before_aws_default_region() =>
        Assert.Equal("eu-west-1", new RegionResolver(new FakeEnvironment(Both)).Resolve());

    [Fact]
    public void Aws_default_region_is_the_fallback() =>
        Assert.Equal("ap-south-1", new RegionResolver(new FakeEnvironment(new Dictionary<string, string> { ["AWS_DEFAULT_REGION"] = "ap-south-1" })).Resolve());

    [Fact]
    public void No_region_anywhere_is_a_typed_error() =>
        Assert.Throws<RegionNotConfiguredException>(() => new RegionResolver(new FakeEnvironment()).Resolve());
}
