using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace OutpostServerless.Aws.Ssm;

/// <summary>The SSM port over the real AWSSDK.SimpleSystemsManagement client.</summary>
public sealed class SdkSsm(Func<IAmazonSimpleSystemsManagement> client) : ISsm
{
    public Task<GetParameterResponse> GetParameterAsync(GetParameterRequest request, CancellationToken cancellationToken = default) => client().GetParameterAsync(request, cancellationToken);
}
