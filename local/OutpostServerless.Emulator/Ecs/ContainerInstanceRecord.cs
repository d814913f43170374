using OutpostServerless.Aws.Ecs;

namespace OutpostServerless.Emulator.Ecs;

internal sealed class ContainerInstanceRecord
{
    public required string ContainerInstanceArn { get; set; }
    public required string ClusterName { get; set; }
    public required string Ec2InstanceId { get; set; }
    /// <summary>ACTIVE, DRAINING or INACTIVE.</summary>
    public string Status { get; set; } = "ACTIVE";
    public DateTimeOffset RegisteredAt { get; set; }
    public int RegisteredCpu { get; set; }
    public int RegisteredMemory { get; set; }
    public List<EcsAttribute> Attributes { get; set; } = [];
    public Dictionary<string, string> Tags { get; set; } = [];
}
