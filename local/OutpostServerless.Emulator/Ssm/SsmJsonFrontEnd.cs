using OutpostServerless.Aws.Ssm;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Emulator.Ssm;

/// <summary>AWS Systems Manager over awsJson1_1 (<c>X-Amz-Target: AmazonSSM.GetParameter</c>).</summary>
internal sealed class SsmJsonFrontEnd(ISsm ssm, string region, string accountId) : AwsJsonFrontEnd("ssm", TargetPrefix, "1.1", "SSM")
{
    public const string TargetPrefix = "AmazonSSM";
    private static readonly SsmJsonContext Json = SsmJsonContext.Default;

    protected override async Task<byte[]?> InvokeAsync(string operation, WireRequest request, CancellationToken cancellationToken)
    {
        if (operation != "GetParameter")
        {
            return null;
        }

        var input = Read(request, Json.SsmGetParameterRequest);
        var response = await ssm.GetParameterAsync(new Amazon.SimpleSystemsManagement.Model.GetParameterRequest { Name = input.Name, WithDecryption = input.WithDecryption }, cancellationToken);
        var parameter = response.Parameter;
        var result = new SsmGetParameterResult(new SsmParameter
        {
            Name = parameter.Name,
            Type = parameter.Type.Value,
            Value = parameter.Value,
            Version = parameter.Version ?? 1,
            Arn = Arn(parameter.Name),
        });
        return Write(result, Json.SsmGetParameterResult);
    }

    /// <summary>AWS's public parameters (<c>/aws/service/…</c>) belong to no account; their ARNs leave it empty.</summary>
    private string Arn(string name)
    {
        var path = name.StartsWith('/') ? name : "/" + name;
        var account = name.StartsWith("/aws/", StringComparison.Ordinal) ? string.Empty : accountId;
        return $"arn:aws:ssm:{region}:{account}:parameter{path}";
    }
}
