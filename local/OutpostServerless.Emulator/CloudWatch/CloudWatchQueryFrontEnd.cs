using System.Globalization;
using System.Net;
using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Emulator.Wire.Protocols;
using Metric = OutpostServerless.Aws.CloudWatch.Metric;

namespace OutpostServerless.Emulator.CloudWatch;

/// <summary>CloudWatch over awsQuery (<c>Action=GetMetricData&amp;Version=2010-08-01</c>), as the AWS CLI v2 and older SDKs send it.</summary>
internal sealed class CloudWatchQueryFrontEnd(ICloudWatch cloudWatch)
    : AwsQueryFrontEnd("monitoring", ApiVersion, XmlNamespace, "The request must contain the parameter Action.")
{
    public const string ApiVersion = "2010-08-01";
    public const string XmlNamespace = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    protected override async Task<QueryResult?> InvokeAsync(string action, QueryParameters p, CancellationToken cancellationToken)
    {
        if (action != "GetMetricData")
        {
            return null;
        }

        var response = await cloudWatch.GetMetricDataAsync(Read(p), cancellationToken);
        return new(xml =>
        {
            xml.List("MetricDataResults", "member", response.MetricDataResults, r =>
            {
                xml.Values("Timestamps", "member", r.Timestamps.Select(t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)), always: true);
                xml.Element("StatusCode", r.StatusCode);
                xml.Values("Values", "member", r.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)), always: true);
                xml.Element("Id", r.Id);
                xml.Element("Label", r.Label);
            }, always: true);
            xml.Element("NextToken", response.NextToken);
            xml.Values("Messages", "member", [], always: true);
        });
    }

    private static GetMetricDataRequest Read(QueryParameters p) => new()
    {
        MetricDataQueries = [.. p.Entries("MetricDataQueries", "member").Select(q => new MetricDataQuery
        {
            Id = Required(q, "Id", "metricDataQueries.member.id"),
            MetricStat = MetricStat(q.Structure("MetricStat")
                ?? throw Error("InvalidParameterValue", $"The parameter MetricDataQueries.member.{q.String("Id")}.MetricStat is required: the emulator answers metric queries, not expressions.")),
            ReturnData = q.Bool("ReturnData", Invalid) ?? true,
        })],
        StartTime = p.Timestamp("StartTime", Invalid) ?? throw Missing("StartTime"),
        EndTime = p.Timestamp("EndTime", Invalid) ?? throw Missing("EndTime"),
        ScanBy = p.String("ScanBy"),
        NextToken = p.String("NextToken"),
    };

    private static MetricStat MetricStat(QueryParameters stat)
    {
        var metric = stat.Structure("Metric") ?? throw Missing("MetricStat.Metric");
        return new MetricStat(
            new Metric(
                metric.String("Namespace") ?? string.Empty,
                metric.String("MetricName") ?? string.Empty,
                [.. metric.Entries("Dimensions", "member").Select(d => new Dimension(d.String("Name") ?? string.Empty, d.String("Value") ?? string.Empty))]),
            stat.Int("Period", Invalid) ?? throw Missing("MetricStat.Period"),
            Required(stat, "Stat", "metricStat.stat"));
    }

    private static string Required(QueryParameters p, string name, string path) => p.String(name) ?? throw Missing(path);

    private static AwsServiceError Missing(string parameter) => Error("MissingParameter", $"The parameter {parameter} is required.");

    private static Exception Invalid(string name, string value) => Error("InvalidParameterValue", $"The value {value} for parameter {name} is not valid.");

    private static AwsServiceError Error(string code, string message) => new("monitoring", code, message, HttpStatusCode.BadRequest);
}
