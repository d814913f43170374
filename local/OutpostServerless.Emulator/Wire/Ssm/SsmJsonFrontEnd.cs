using System.Net;
using Amazon.Runtime;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Ssm;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Emulator.Wire.Ssm;

/// <summary>AWS Systems Manager over awsJson1_1 (<c>X-Amz-Target: AmazonSSM.GetParameter</c>).</summary>
internal sealed class SsmJsonFrontEnd(ISsm ssm, string region, string accountId) : IWireFrontEnd
{
    public const string TargetPrefix = "AmazonSSM";
    private const string JsonVersion = "1.1";
    private static readonly SsmJsonContext Json = SsmJsonContext.Default;

    public string SigningName => "ssm";

    public WireProtocol Protocol => WireProtocol.AwsJson;

    public bool Accepts(WireRequest request) => AwsJsonProtocol.IsTargeted(request, TargetPrefix);

    public async Task<WireResponse> HandleAsync(WireRequest request, string requestId, CancellationToken cancellationToken)
    {
        var operation = AwsJsonProtocol.Operation(request, TargetPrefix);
        if (operation != "GetParameter")
        {
            throw new AwsServiceError(SigningName, "UnknownOperationException", $"Operation {operation ?? "(none)"} is not known to the emulated SSM.", HttpStatusCode.BadRequest);
        }

        var response = await ssm.GetParameterAsync(JsonBody.Read(request, Json.GetParameterRequest, SigningName), cancellationToken);
        var parameter = response.Parameter;
        var result = new SsmGetParameterResult(new SsmParameter
        {
            Name = parameter.Name,
            Type = parameter.Type,
            Value = parameter.Value,
            Version = parameter.Version,
            Arn = Arn(parameter.Name),
        });
        return AwsJsonProtocol.Response(JsonBody.Write(result, Json.SsmGetParameterResult), JsonVersion, requestId);
    }

    public WireResponse Error(AmazonServiceException error, string requestId) => AwsJsonProtocol.Error(error, JsonVersion, requestId);

    /// <summary>AWS's public parameters (<c>/aws/service/…</c>) belong to no account; their ARNs leave it empty.</summary>
    private string Arn(string name)
    {
        var path = name.StartsWith('/') ? name : "/" + name;
        var account = name.StartsWith("/aws/", StringComparison.Ordinal) ? string.Empty : accountId;
        return $"arn:aws:ssm:{region}:{account}:parameter{path}";
    }
}
