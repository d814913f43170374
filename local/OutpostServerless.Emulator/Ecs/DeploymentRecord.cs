using OutpostServerless.Aws.Ecs;

namespace OutpostServerless.Emulator.Ecs;

/// <summary>One deployment of a service: the PRIMARY one runs the service's task definition; older ACTIVE ones drain.</summary>
internal sealed class DeploymentRecord
{
    public required string Id { get; set; }
    public required string TaskDefinitionArn { get; set; }
    /// <summary>PRIMARY or ACTIVE.</summary>
    public EcsDeploymentStatus Status { get; set; } = EcsDeploymentStatus.Primary;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The startedBy of the tasks the scheduler starts for it.</summary>
    public string StartedBy => $"ecs-svc/{Id}";
}
