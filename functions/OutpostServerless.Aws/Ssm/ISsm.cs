namespace OutpostServerless.Aws.Ssm;

/// <summary>
/// The SSM operation used to find the ECS-optimized AMI when a request names none
/// (public parameter <c>/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id</c>).
/// Failures are <see cref="Errors.AwsServiceError"/>, e.g. <c>ParameterNotFound</c>.
/// </summary>
public interface ISsm
{
    Task<GetParameterResponse> GetParameterAsync(GetParameterRequest request, CancellationToken cancellationToken = default);
}

public sealed record GetParameterRequest(string Name);

public sealed record Parameter(string Name, string Type, string Value, long Version = 1);

public sealed record GetParameterResponse(Parameter Parameter);
