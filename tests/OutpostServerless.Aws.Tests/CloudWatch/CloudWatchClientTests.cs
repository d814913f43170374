using System.Net;
using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Tests.Testing;

namespace OutpostServerless.Aws.Tests.CloudWatch;

/// <summary>The CloudWatch client (awsQuery) against recorded answers; every request must match the botocore model.</summary>
public sealed class CloudWatchClientTests : IDisposable
{
    private readonly ClientHarness _harness = new();

    public void Dispose()
    {
        _harness.AssertEveryRequestMatchesItsModel();
        _harness.Dispose();
    }

    private static GetMetricDataRequest CapacityQuery() => new()
    {
        MetricDataQueries =
        [
            new MetricDataQuery
            {
                Id = "available",
                MetricStat = new MetricStat(new Metric("AWS/Outposts", "AvailableInstanceType_Count", [new Dimension("OutpostId", "op-0123456789abcdef0"), new Dimension("InstanceType", "c5.large")]), 300, "Minimum"),
            },
            new MetricDataQuery
            {
                Id = "connected",
                MetricStat = new MetricStat(new Metric("AWS/Outposts", "ConnectedStatus", [new Dimension("OutpostId", "op-0123456789abcdef0")]), 60, "Minimum"),
                ReturnData = true,
            },
        ],
        StartTime = new DateTimeOffset(2025, 1, 6, 11, 30, 0, TimeSpan.Zero),
        EndTime = new DateTimeOffset(2025, 1, 6, 12, 0, 0, TimeSpan.Zero),
        ScanBy = "TimestampDescending",
    };

    private const string Recorded = """
        <GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
          <GetMetricDataResult>
            <MetricDataResults>
              <member>
                <Timestamps>
                  <member>2025-01-06T11:55:00Z</member>
                  <member>2025-01-06T11:50:00Z</member>
                </Timestamps>
                <Label>AvailableInstanceType_Count</Label>
                <Id>available</Id>
                <StatusCode>Complete</StatusCode>
                <Values>
                  <member>3.0</member>
                  <member>5.0</member>
                </Values>
              </member>
              <member>
                <Timestamps/>
                <Label>ConnectedStatus</Label>
                <Id>connected</Id>
                <StatusCode>PartialData</StatusCode>
                <Values/>
              </member>
            </MetricDataResults>
            <NextToken>token-2</NextToken>
            <Messages/>
          </GetMetricDataResult>
          <ResponseMetadata><RequestId>3b4c5d6e-7f80-4a1b-9c2d-EXAMPLE</RequestId></ResponseMetadata>
        </GetMetricDataResponse>
        """;

    [Fact]
    public async Task GetMetricData_posts_the_query_form_signed_for_monitoring()
    {
        _harness.Handler.RespondXml(Recorded);

        await _harness.CloudWatch.GetMetricDataAsync(CapacityQuery());

        var request = _harness.Handler.LastRequest;
        Assert.Equal((HttpMethod.Post, "https://monitoring.us-west-2.amazonaws.com/"), (request.Method, request.Url.ToString()));
        Assert.Equal(
            "Action=GetMetricData&Version=2010-08-01" +
            "&MetricDataQueries.member.1.Id=available" +
            "&MetricDataQueries.member.1.MetricStat.Metric.Namespace=AWS%2FOutposts" +
            "&MetricDataQueries.member.1.MetricStat.Metric.MetricName=AvailableInstanceType_Count" +
            "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=OutpostId" +
            "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value=op-0123456789abcdef0" +
            "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.2.Name=InstanceType" +
            "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.2.Value=c5.large" +
            "&MetricDataQueries.member.1.MetricStat.Period=300" +
            "&MetricDataQueries.member.1.MetricStat.Stat=Minimum" +
            "&MetricDataQueries.member.1.ReturnData=true" +
            "&MetricDataQueries.member.2.Id=connected" +
            "&MetricDataQueries.member.2.MetricStat.Metric.Namespace=AWS%2FOutposts" +
            "&MetricDataQueries.member.2.MetricStat.Metric.MetricName=ConnectedStatus" +
            "&MetricDataQueries.member.2.MetricStat.Metric.Dimensions.member.1.Name=OutpostId" +
            "&MetricDataQueries.member.2.MetricStat.Metric.Dimensions.member.1.Value=op-0123456789abcdef0" +
            "&MetricDataQueries.member.2.MetricStat.Period=60" +
            "&MetricDataQueries.member.2.MetricStat.Stat=Minimum" +
            "&MetricDataQueries.member.2.ReturnData=true" +
            "&StartTime=2025-01-06T11%3A30%3A00Z&EndTime=2025-01-06T12%3A00%3A00Z&ScanBy=TimestampDescending",
            request.BodyText);
        Assert.Contains("/us-west-2/monitoring/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetricData_reads_timestamps_values_and_status()
    {
        _harness.Handler.RespondXml(Recorded);

        var response = await _harness.CloudWatch.GetMetricDataAsync(CapacityQuery());

        var available = response.MetricDataResults[0];
        Assert.Equal(("available", "AvailableInstanceType_Count", "Complete"), (available.Id, available.Label, available.StatusCode));
        Assert.Equal([new DateTimeOffset(2025, 1, 6, 11, 55, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 6, 11, 50, 0, TimeSpan.Zero)], available.Timestamps);
        Assert.Equal([3.0, 5.0], available.Values);
        Assert.Equal(("connected", "PartialData", 0), (response.MetricDataResults[1].Id, response.MetricDataResults[1].StatusCode, response.MetricDataResults[1].Values.Count));
        Assert.Equal("token-2", response.NextToken);
    }

    [Fact]
    public async Task A_cloudwatch_error_surfaces_with_its_code()
    {
        _harness.Handler.RespondXml("""
            <ErrorResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
              <Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>The value 7 for parameter MetricDataQueries.member.1.MetricStat.Period is not a multiple of 60.</Message></Error>
              <RequestId>0a1b2c3d-EXAMPLE</RequestId>
            </ErrorResponse>
            """, HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => _harness.CloudWatch.GetMetricDataAsync(CapacityQuery()));

        Assert.Equal(("monitoring", "InvalidParameterValue", "0a1b2c3d-EXAMPLE"), (error.Service, error.ErrorCode, error.RequestId));
    }
}
