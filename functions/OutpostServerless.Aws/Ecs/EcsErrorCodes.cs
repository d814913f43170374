namespace OutpostServerless.Aws.Ecs;

/// <summary>ECS error codes (the <c>__type</c> after the <c>#</c>), as ECS sends them.</summary>
public static class EcsErrorCodes
{
    public const string ClientException = "ClientException";
    public const string InvalidParameterException = "InvalidParameterException";
    public const string ClusterNotFoundException = "ClusterNotFoundException";
    public const string ClusterContainsContainerInstancesException = "ClusterContainsContainerInstancesException";
    public const string ClusterContainsServicesException = "ClusterContainsServicesException";
    public const string ClusterContainsTasksException = "ClusterContainsTasksException";
    public const string ServiceNotFoundException = "ServiceNotFoundException";
    public const string ServiceNotActiveException = "ServiceNotActiveException";
    public const string ServerException = "ServerException";
    public const string ThrottlingException = "ThrottlingException";
}
