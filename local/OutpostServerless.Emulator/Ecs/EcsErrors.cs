using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Errors;

namespace OutpostServerless.Emulator.Ecs;

/// <summary>ECS's errors (awsJson <c>__type</c>) with ECS's wording.</summary>
internal static class EcsErrors
{
    public const string ConflictException = "ConflictException";

    public static AwsServiceError Error(string code, string message) => new("ecs", code, message);

    public static AwsServiceError InvalidParameter(string message) => Error(EcsErrorCodes.InvalidParameterException, message);

    public static AwsServiceError Client(string message) => Error(EcsErrorCodes.ClientException, message);

    public static AwsServiceError ClusterNotFound() => Error(EcsErrorCodes.ClusterNotFoundException, "Cluster not found.");

    public static AwsServiceError ServiceNotFound() => Error(EcsErrorCodes.ServiceNotFoundException, "Service not found.");

    public static AwsServiceError ServiceNotActive() => Error(EcsErrorCodes.ServiceNotActiveException, "Service was not ACTIVE.");
}
