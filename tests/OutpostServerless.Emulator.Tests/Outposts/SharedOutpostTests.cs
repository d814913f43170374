using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Aws.Outposts;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Outposts;

/// <summary>An Outpost owned by another account and shared with this one through AWS RAM.</summary>
public sealed class SharedOutpostTests
{
    private const string OwnerAccountId = "111122223333";
    private readonly TestWorld _world = new(new EmulatorOptions { Outposts = [OutpostOption.DefaultRack with { OwnerAccountId = OwnerAccountId }] });

    [Fact]
    public async Task The_consumer_sees_the_shared_Outpost_with_its_owners_account_in_its_ARN_and_OwnerId()
    {
        var listed = Assert.Single((await _world.Aws.Outposts.ListOutpostsAsync(new ListOutpostsRequest())).Outposts);
        var types = await _world.Aws.Outposts.GetOutpostInstanceTypesAsync(new GetOutpostInstanceTypesRequest { OutpostId = listed.OutpostArn });

        Assert.Equal(($"arn:aws:outposts:us-west-2:{OwnerAccountId}:outpost/op-0123456789abcdef0", OwnerAccountId), (listed.OutpostArn, listed.OwnerId));
        Assert.Contains("c5.large", types.InstanceTypes.Select(t => t.InstanceType));
    }

    [Fact]
    public async Task The_consumer_finds_no_AWS_Outposts_metrics_of_a_shared_Outpost_they_are_in_the_owners_account()
    {
        _world.Advance(TimeSpan.FromMinutes(10));
        var now = _world.Clock.GetUtcNow();

        var response = await _world.Aws.CloudWatch.GetMetricDataAsync(new GetMetricDataRequest
        {
            MetricDataQueries =
            [
                new MetricDataQuery { Id = "c", MetricStat = new MetricStat(new("AWS/Outposts", "ConnectedStatus", [new Dimension("OutpostId", "op-0123456789abcdef0")]), 60, "Minimum") },
                new MetricDataQuery { Id = "a", MetricStat = new MetricStat(new("AWS/Outposts", "AvailableInstanceType_Count", [new Dimension("OutpostId", "op-0123456789abcdef0"), new Dimension("InstanceType", "c5.large")]), 300, "Minimum") },
            ],
            StartTime = now - TimeSpan.FromMinutes(30),
            EndTime = now,
        });

        Assert.All(response.MetricDataResults, r => Assert.Empty(r.Values));
    }
}
