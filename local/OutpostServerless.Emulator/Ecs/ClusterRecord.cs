namespace OutpostServerless.Emulator.Ecs;

internal sealed class ClusterRecord
{
    public required string ClusterName { get; set; }
    public required string ClusterArn { get; set; }
    /// <summary>ACTIVE or INACTIVE (deleted clusters stay describable, as in ECS).</summary>
    public string Status { get; set; } = "ACTIVE";
    public DateTimeOffset CreatedAt { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];
}
