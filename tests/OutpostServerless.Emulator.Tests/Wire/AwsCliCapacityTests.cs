using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Aws.Outposts;
using Xunit;
using static OutpostServerless.Emulator.Tests.Wire.CliJson;

namespace OutpostServerless.Emulator.Tests.Wire;

/// <summary>
/// The capacity check's reads — Outposts (restJson1), CloudWatch (awsJson1_0 from CLI v1, awsQuery
/// from CLI v2) and SSM (awsJson1_1) — driven by the real AWS CLI.
/// </summary>
public sealed class AwsCliCapacityTests
{
    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task The_Outposts_of_the_account_are_listed_through_the_cli_and_filtered_by_Availability_Zone_id(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        var cloud = session.World.Cloud;
        var all = (await session.Aws.JsonAsync("outposts", "list-outposts"))["Outposts"]!.AsArray();
        var inAz1 = (await session.Aws.JsonAsync("outposts", "list-outposts", "--availability-zone-id-filter", "usw2-az1", "--life-cycle-status-filter", "ACTIVE"))["Outposts"]!.AsArray();
        var inAz3 = (await session.Aws.JsonAsync("outposts", "list-outposts", "--availability-zone-id-filter", "usw2-az3"))["Outposts"]!.AsArray();

        Assert.Equal([cloud.DefaultOutpostArn], all.Select(o => Text(o!["OutpostArn"])));
        Assert.Equal([cloud.DefaultOutpostId], inAz1.Select(o => Text(o!["OutpostId"])));
        Assert.Empty(inAz3);
        Assert.Equal(3, cloud.Calls.Count("outposts:ListOutposts"));
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task Outpost_its_instance_types_and_assets_are_read_through_the_cli(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        var cloud = session.World.Cloud;
        // By ARN: the CLI percent-encodes it into the path.
        var outpost = (await session.Aws.JsonAsync("outposts", "get-outpost", "--outpost-id", cloud.DefaultOutpostArn))["Outpost"]!;
        Assert.Equal(cloud.DefaultOutpostId, Text(outpost["OutpostId"]));
        Assert.Equal("ACTIVE", Text(outpost["LifeCycleStatus"]));

        var types = await session.Aws.JsonAsync("outposts", "get-outpost-instance-types", "--outpost-id", cloud.DefaultOutpostId);
        Assert.Contains("c5.large", types["InstanceTypes"]!.AsArray().Select(t => Text(t!["InstanceType"])));

        var assets = (await session.Aws.JsonAsync("outposts", "list-assets", "--outpost-identifier", cloud.DefaultOutpostId, "--status-filter", "ACTIVE"))["Assets"]!.AsArray();
        Assert.Equal(1, cloud.Calls.Count("outposts:ListAssets"));
        var expected = (await session.World.Aws.Outposts.ListAssetsAsync(new ListAssetsRequest { OutpostIdentifier = cloud.DefaultOutpostId, StatusFilter = ["ACTIVE"] })).Assets;
        Assert.Equal(expected.Select(a => a.ComputeAttributes!.HostId), assets.Select(a => Text(a!["ComputeAttributes"]!["HostId"])));
        if (version == AwsCliVersion.V1)
        {
            // CLI v2.9's Outposts model predates InstanceTypeCapacities, so it drops the member it does not know.
            var capacities = assets.SelectMany(a => a!["ComputeAttributes"]!["InstanceTypeCapacities"]!.AsArray());
            Assert.Contains(capacities, c => Text(c!["InstanceType"]) == "c5.large" && c["Count"]!.GetValue<int>() > 0);
        }

    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task Metric_data_through_the_cli_equals_the_in_process_answer(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        var world = session.World;
        world.Cloud.SetFreeSlots("c5.large", 3);
        world.Advance(TimeSpan.FromMinutes(31));
        var start = TestWorld.Start.AddMinutes(-10);
        var end = world.Clock.GetUtcNow();
        var queries = $$$"""[{"Id":"free","MetricStat":{"Metric":{"Namespace":"AWS/Outposts","MetricName":"AvailableInstanceType_Count","Dimensions":[{"Name":"OutpostId","Value":"{{{world.Cloud.DefaultOutpostId}}}"},{"Name":"InstanceType","Value":"c5.large"}]},"Period":300,"Stat":"Maximum"}}]""";

        var result = (await session.Aws.JsonAsync("cloudwatch", "get-metric-data", "--metric-data-queries", queries, "--start-time", start.ToString("O"), "--end-time", end.ToString("O"), "--scan-by", "TimestampAscending"))["MetricDataResults"]![0]!;

        var expected = (await world.Aws.CloudWatch.GetMetricDataAsync(new GetMetricDataRequest
        {
            MetricDataQueries = [new MetricDataQuery { Id = "free", MetricStat = new MetricStat(new Metric("AWS/Outposts", "AvailableInstanceType_Count", [new Dimension("OutpostId", world.Cloud.DefaultOutpostId), new Dimension("InstanceType", "c5.large")]), 300, "Maximum") }],
            StartTime = start,
            EndTime = end,
            ScanBy = "TimestampAscending",
        })).MetricDataResults[0];
        Assert.NotEmpty(expected.Values);
        Assert.Equal(expected.Timestamps, result["Timestamps"]!.AsArray().Select(Time));
        Assert.Equal(expected.Values, result["Values"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal("Complete", Text(result["StatusCode"]));
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task The_recommended_ecs_ami_parameter_is_read_through_the_cli(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        const string name = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
        var parameter = (await session.Aws.JsonAsync("ssm", "get-parameter", "--name", name))["Parameter"]!;
        Assert.Equal(TestWorld.EcsAmi, Text(parameter["Value"]));
        Assert.Equal("arn:aws:ssm:us-west-2::parameter" + name, Text(parameter["ARN"]));
    }
}
