using OutpostServerless.Aws.Ecs;

namespace OutpostServerless.Emulator.Ecs;

internal sealed class TaskDefinitionRecord
{
    public required string Family { get; set; }
    public int Revision { get; set; }
    public required string TaskDefinitionArn { get; set; }
    /// <summary>ACTIVE or INACTIVE.</summary>
    public TaskDefinitionStatus Status { get; set; } = TaskDefinitionStatus.Active;
    /// <summary>The container definitions as registered, JSON.</summary>
    public required string ContainerDefinitions { get; set; }
    public string? Cpu { get; set; }
    public string? Memory { get; set; }
    public string? NetworkMode { get; set; }
    public string? TaskRoleArn { get; set; }
    public string? ExecutionRoleArn { get; set; }
    public List<string> RequiresCompatibilities { get; set; } = [];
    public Dictionary<string, string> Tags { get; set; } = [];
    public DateTimeOffset RegisteredAt { get; set; }
    /// <summary>What one task of this definition reserves on a container instance.</summary>
    public int RequiredCpu { get; set; }
    public int RequiredMemory { get; set; }
    public List<int> HostPorts { get; set; } = [];
}
