using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Protocols.Json;

namespace OutpostServerless.Aws.Ssm;

/// <summary>The SSM port over HTTP: awsJson1_1, target prefix <c>AmazonSSM</c>, signing name <c>ssm</c>.</summary>
public sealed class SsmClient(AwsHttpPipeline pipeline, ServiceEndpoint endpoint) : ISsm
{
    public const string TargetPrefix = "AmazonSSM";

    private readonly AwsJsonProtocol _protocol = new(pipeline, AwsService.Ssm, endpoint, TargetPrefix);

    public async Task<GetParameterResponse> GetParameterAsync(GetParameterRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var output = await _protocol.InvokeAsync("GetParameter", request, SsmJsonContext.Default.GetParameterRequest, SsmJsonContext.Default.SsmParameterOutput, cancellationToken);
        return new GetParameterResponse(output.Parameter ?? throw new AwsResponseFormatException(AwsService.Ssm.SigningName, "GetParameter", "missing Parameter"));
    }
}
