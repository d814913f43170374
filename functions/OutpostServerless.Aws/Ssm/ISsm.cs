using Amazon.SimpleSystemsManagement.Model;

namespace OutpostServerless.Aws.Ssm;

/// <summary>
/// The SSM operation used to find the ECS-optimized AMI when a request names none (public parameter
/// <c>/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id</c>), on
/// AWSSDK.SimpleSystemsManagement's own types. Errors surface as the SDK's exceptions
/// (<see cref="ParameterNotFoundException"/>, …).
/// </summary>
public interface ISsm
{
    Task<GetParameterResponse> GetParameterAsync(GetParameterRequest request, CancellationToken cancellationToken = default);
}
