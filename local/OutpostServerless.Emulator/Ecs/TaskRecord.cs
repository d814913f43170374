using OutpostServerless.Aws.Ecs;

namespace OutpostServerless.Emulator.Ecs;

internal sealed class TaskRecord
{
    public required string TaskArn { get; set; }
    public required string ClusterName { get; set; }
    public required string TaskDefinitionArn { get; set; }
    public required string ContainerInstanceArn { get; set; }
    public EcsTaskStatus LastStatus { get; set; } = EcsTaskStatus.Pending;
    public EcsTaskStatus DesiredStatus { get; set; } = EcsTaskStatus.Running;
    public string LaunchType { get; set; } = "EC2";
    public string? StartedBy { get; set; }
    public required string Group { get; set; }
    public string? StoppedReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? StopRequestedAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
    public int Cpu { get; set; }
    public int Memory { get; set; }
    public List<int> HostPorts { get; set; } = [];
    public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>Holds resources on its container instance until it has stopped.</summary>
    public bool IsActive => LastStatus != EcsTaskStatus.Stopped;
}
