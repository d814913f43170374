using System.Net;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
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
            throw new AmazonSimpleSystemsManagementException(
                "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length between 1 and 2048",
                ErrorType.Sender, "ValidationException", string.Empty, HttpStatusCode.BadRequest);
        }

        var image = region.Options.Images.FirstOrDefault(i => i.SsmParameter == request.Name);
        // SSM answers an unknown parameter with an empty message.
        return image is null
            ? throw new ParameterNotFoundException(string.Empty, ErrorType.Sender, "ParameterNotFound", string.Empty, HttpStatusCode.BadRequest)
            : new GetParameterResponse { Parameter = new Parameter { Name = request.Name, Type = ParameterType.String, Value = image.ImageId, Version = 1 } };
    }
}
