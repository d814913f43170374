using System.Net;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Emulator.Wire.CloudWatch;

/// <summary>
/// CloudWatch over awsJson1_0 (<c>X-Amz-Target: GraniteServiceVersion20100801.GetMetricData</c>), the
/// protocol the current botocore model lists before query and the AWS CLI v1 uses.
/// </summary>
internal sealed class CloudWatchJsonFrontEnd(ICloudWatch cloudWatch) : IWireFrontEnd
{
    public const string TargetPrefix = "GraniteServiceVersion20100801";
    private const string JsonVersion = "1.0";
    private static readonly CloudWatchJsonContext Json = CloudWatchJsonContext.Default;

    public string SigningName => "monitoring";

    public WireProtocol Protocol => WireProtocol.AwsJson;

    public bool Accepts(WireRequest request) => AwsJsonProtocol.IsTargeted(request, TargetPrefix);

    public async Task<WireResponse> HandleAsync(WireRequest request, string requestId, CancellationToken cancellationToken)
    {
        var operation = AwsJsonProtocol.Operation(request, TargetPrefix);
        if (operation != "GetMetricData")
        {
            throw new AwsServiceError(SigningName, "UnknownOperationException", $"Operation {operation ?? "(none)"} is not known to the emulated CloudWatch.", HttpStatusCode.BadRequest);
        }

        var response = await cloudWatch.GetMetricDataAsync(JsonBody.Read(request, Json.GetMetricDataRequest, SigningName, ReturnDataByDefault), cancellationToken);
        return AwsJsonProtocol.Response(JsonBody.Write(response, Json.GetMetricDataResponse), JsonVersion, requestId);
    }

    /// <summary>A query without <c>ReturnData</c> returns its data (the API's default, and the record's).</summary>
    private static void ReturnDataByDefault(JsonObject body)
    {
        foreach (var query in body["MetricDataQueries"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            query["ReturnData"] ??= true;
        }
    }

    public WireResponse Error(AmazonServiceException error, string requestId) =>
        AwsJsonProtocol.Error(error, JsonVersion, requestId, CloudWatchProtocolErrors.JsonType);
}
