using OutpostServerless.Aws.Ecs;

namespace OutpostServerless.Emulator.Ecs;

internal sealed class ContainerInstanceRecord
{
    public required string ContainerInstanceArn { get; set; }
    public required string ClusterName { get; set; }
    public required string Ec2InstanceId { get; set; }
    public ContainerInstanceStatus Status { get; set; } = ContainerInstanceStatus.Active;
    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>ACTIVE or DRAINING: still registered with its cluster (DeleteCluster refuses, counts include it).</summary>
    public bool IsRegistered => Status == ContainerInstanceStatus.Active || Status == ContainerInstanceStatus.Draining;
    public int RegisteredCpu { get; set; }
    public int RegisteredMemory { get; set; }
    public List<EcsAttribute> Attributes { get; set; } = [];
    public Dictionary<string, string> Tags { get; set; } = [];
}
