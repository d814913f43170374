using System.Net;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Ssm;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.Ssm;

/// <summary>
/// The public SSM parameters that name the ECS-optimized AMIs: each image configured with a
/// parameter answers it, so the AMI SSM recommends always exists in the EC2 world.
/// </summary>
internal sealed class SsmWorld(EmulatedRegion region)
{
    public GetParameterResponse GetParameter(GetParameterRequest request)
    {
        if (string.IsNullOrEmpty(request.Name) || request.Name.Length > 2048)
        {
            throw new AwsServiceError("ssm", "ValidationException", "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length between 1 and 2048");
        }

        var image = region.Options.Images.FirstOrDefault(i => i.SsmParameter == request.Name);
        // SSM answers an unknown parameter with an empty message.
        return image is null
            ? throw new AwsServiceError("ssm", "ParameterNotFound", string.Empty, HttpStatusCode.BadRequest)
            : new GetParameterResponse(new Parameter(request.Name, "String", image.ImageId));
    }
}
