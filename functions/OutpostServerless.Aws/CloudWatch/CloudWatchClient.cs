using System.Xml.Linq;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Protocols.Query;

namespace OutpostServerless.Aws.CloudWatch;

/// <summary>
/// The CloudWatch port over HTTP. CloudWatch's model declares <c>smithy-rpc-v2-cbor</c>, <c>json</c>
/// and <c>query</c>; we speak <c>query</c> (version 2010-08-01, signing name <c>monitoring</c>),
/// the protocol every CloudWatch endpoint and emulator answers, with ISO 8601 timestamps.
/// </summary>
public sealed class CloudWatchClient(AwsHttpPipeline pipeline, ServiceEndpoint endpoint) : ICloudWatch
{
    public const string ApiVersion = "2010-08-01";

    private readonly AwsQueryProtocol _protocol = new(pipeline, AwsService.CloudWatch, endpoint, ApiVersion);

    public async Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters()
            .AddList("MetricDataQueries", request.MetricDataQueries, (q, prefix, query) => q
                .Add($"{prefix}.Id", query.Id)
                .Add($"{prefix}.MetricStat.Metric.Namespace", query.MetricStat.Metric.Namespace)
                .Add($"{prefix}.MetricStat.Metric.MetricName", query.MetricStat.Metric.MetricName)
                .AddList($"{prefix}.MetricStat.Metric.Dimensions", query.MetricStat.Metric.Dimensions, (d, dimensionPrefix, dimension) => d
                    .Add($"{dimensionPrefix}.Name", dimension.Name)
                    .Add($"{dimensionPrefix}.Value", dimension.Value))
                .Add($"{prefix}.MetricStat.Period", query.MetricStat.Period)
                .Add($"{prefix}.MetricStat.Stat", query.MetricStat.Stat)
                .Add($"{prefix}.ReturnData", query.ReturnData))
            .Add("StartTime", request.StartTime)
            .Add("EndTime", request.EndTime)
            .Add("NextToken", request.NextToken)
            .Add("ScanBy", request.ScanBy);

        var result = await _protocol.InvokeAsync("GetMetricData", parameters, cancellationToken);
        var results = result.Members("MetricDataResults").Select(r => Read(r)).ToList();
        return new GetMetricDataResponse(results, result.Text("NextToken"));
    }

    private MetricDataResult Read(XElement result) => new()
    {
        Id = _protocol.Required("GetMetricData", result, "Id"),
        Label = result.Text("Label"),
        Timestamps = result.Members("Timestamps").Select(t => QueryXml.ParseTimestamp(t.Value)).ToList(),
        Values = result.Members("Values").Select(v => QueryXml.ParseDouble(v.Value)).ToList(),
        StatusCode = result.Text("StatusCode") ?? "Complete",
    };
}
