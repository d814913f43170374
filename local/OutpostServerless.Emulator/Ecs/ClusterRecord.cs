using OutpostServerless.Aws.Ecs;

namespace OutpostServerless.Emulator.Ecs;

internal sealed class ClusterRecord
{
    public required string ClusterName { get; set; }
    public required string ClusterArn { get; set; }
    /// <summary>ACTIVE or INACTIVE (deleted clusters stay describable, as in ECS).</summary>
    public ClusterStatus Status { get; set; } = ClusterStatus.Active;
    public DateTimeOffset CreatedAt { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];
}
