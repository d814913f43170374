using Amazon.Runtime;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The errors that mean "it is not there": for a delete, the goal is reached, so Rollback carries
/// on. Everything else (DependencyViolation while instances shut down, throttling) propagates for
/// the state machine to retry.
/// </summary>
public static class AlreadyGone
{
    public static bool Is(AmazonServiceException e) =>
        e.ErrorCode is IamErrorCodes.NoSuchEntity
            or EcsErrorCodes.ClusterNotFoundException
            or EcsErrorCodes.ServiceNotFoundException
            or EcsErrorCodes.ServiceNotActiveException
        // EC2: InvalidVpcID.NotFound, InvalidSubnetID.NotFound, InvalidGroup.NotFound, InvalidInstanceID.NotFound, …
        || (e.ErrorCode?.EndsWith(".NotFound", StringComparison.Ordinal) ?? false)
        || RegisterTaskDefinition.IsNoSuchFamily(e);

    /// <summary>An ECS <c>failures</c> entry saying the resource does not exist.</summary>
    public static bool IsMissing(EcsFailure failure) => failure.Reason == "MISSING";
}
