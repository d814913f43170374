using System.Text.Json.Nodes;
using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Emulator.CloudWatch;

/// <summary>
/// CloudWatch over awsJson1_0 (<c>X-Amz-Target: GraniteServiceVersion20100801.GetMetricData</c>), the
/// protocol the current botocore model lists before query and the AWS CLI v1 uses.
/// </summary>
internal sealed class CloudWatchJsonFrontEnd(ICloudWatch cloudWatch)
    : AwsJsonFrontEnd("monitoring", TargetPrefix, "1.0", "CloudWatch", CloudWatchProtocolErrors.JsonType)
{
    public const string TargetPrefix = "GraniteServiceVersion20100801";
    private static readonly CloudWatchJsonContext Json = CloudWatchJsonContext.Default;

    protected override async Task<byte[]?> InvokeAsync(string operation, WireRequest request, CancellationToken cancellationToken) =>
        operation == "GetMetricData"
            ? Write(await cloudWatch.GetMetricDataAsync(Read(request, Json.GetMetricDataRequest, ReturnDataByDefault), cancellationToken), Json.GetMetricDataResponse)
            : null;

    /// <summary>A query without <c>ReturnData</c> returns its data (the API's default, and the record's).</summary>
    private static void ReturnDataByDefault(JsonObject body)
    {
        foreach (var query in body["MetricDataQueries"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            query["ReturnData"] ??= true;
        }
    }
}
