using OutpostServerless.Aws.Outposts;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Outposts;

public sealed class OutpostsTests
{
    private readonly TestWorld _world = new();

    [Theory]
    [InlineData("op-0123456789abcdef0")]
    [InlineData("arn:aws:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef0")]
    public async Task GetOutpost_by_id_or_ARN_describes_the_default_Outpost(string identifier)
    {
        var response = await _world.Aws.Outposts.GetOutpostAsync(new GetOutpostRequest(identifier));

        Assert.Equal("op-0123456789abcdef0", response.Outpost.OutpostId);
        Assert.Equal("ACTIVE", response.Outpost.LifeCycleStatus);
        Assert.Equal("usw2-az1", response.Outpost.AvailabilityZoneId);
    }

    [Fact]
    public async Task GetOutpost_of_an_unknown_Outpost_fails_NotFoundException() =>
        await AwsAssert.ServiceErrorAsync("NotFoundException", () => _world.Aws.Outposts.GetOutpostAsync(new GetOutpostRequest("op-0fffffffffffffff0")));

    [Fact]
    public async Task GetOutpost_with_a_malformed_id_fails_ValidationException() =>
        await AwsAssert.ServiceErrorAsync("ValidationException", () => _world.Aws.Outposts.GetOutpostAsync(new GetOutpostRequest("outpost-1")));

    [Fact]
    public async Task GetOutpostInstanceTypes_lists_the_types_the_hosts_are_slotted_for()
    {
        var response = await _world.Aws.Outposts.GetOutpostInstanceTypesAsync(new GetOutpostInstanceTypesRequest { OutpostId = "op-0123456789abcdef0" });

        Assert.Equal(["c5.large", "c5.xlarge", "m5.large", "m5.xlarge", "r5.large"], response.InstanceTypes.Select(t => t.InstanceType));
    }

    [Fact]
    public async Task GetOutpostInstanceTypes_pages_with_MaxResults()
    {
        var first = await _world.Aws.Outposts.GetOutpostInstanceTypesAsync(new GetOutpostInstanceTypesRequest { OutpostId = "op-0123456789abcdef0", MaxResults = 3 });
        var rest = await _world.Aws.Outposts.GetOutpostInstanceTypesAsync(new GetOutpostInstanceTypesRequest { OutpostId = "op-0123456789abcdef0", MaxResults = 3, NextToken = first.NextToken });

        Assert.Equal(3, first.InstanceTypes.Count);
        Assert.Equal(2, rest.InstanceTypes.Count);
        Assert.Null(rest.NextToken);
    }

    [Fact]
    public async Task ListAssets_reports_each_host_and_its_configured_slots()
    {
        var response = await _world.Aws.Outposts.ListAssetsAsync(new ListAssetsRequest { OutpostIdentifier = "op-0123456789abcdef0" });

        Assert.Equal(2, response.Assets.Count);
        Assert.All(response.Assets, a =>
        {
            Assert.Equal("ACTIVE", a.ComputeAttributes!.State);
            Assert.Equal(8, a.ComputeAttributes.InstanceTypeCapacities.Single(c => c.InstanceType == "c5.large").Count);
        });
    }

    [Fact]
    public async Task ListAssets_shows_configured_capacity_not_what_is_free()
    {
        _world.Cloud.SetFreeSlots("c5.large", 1);

        var response = await _world.Aws.Outposts.ListAssetsAsync(new ListAssetsRequest { OutpostIdentifier = "op-0123456789abcdef0" });

        Assert.Equal(16, response.Assets.Sum(a => a.ComputeAttributes!.InstanceTypeCapacities.Single(c => c.InstanceType == "c5.large").Count));
    }
}
