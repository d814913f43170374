using OutpostServerless.Aws.Ecs;

namespace OutpostServerless.Emulator.Ecs;

internal sealed class ServiceRecord
{
    public required string ServiceName { get; set; }
    public required string ServiceArn { get; set; }
    public required string ClusterName { get; set; }
    /// <summary>The PRIMARY deployment's numeric id, used in its tasks' startedBy (<c>ecs-svc/…</c>).</summary>
    public required string DeploymentId { get; set; }
    /// <summary>The PRIMARY deployment first, then older ACTIVE ones whose tasks are being replaced.</summary>
    public List<DeploymentRecord> Deployments { get; set; } = [];
    /// <summary>Newest first; ECS keeps the latest 100.</summary>
    public List<ServiceEventRecord> Events { get; set; } = [];
    /// <summary>ACTIVE, DRAINING or INACTIVE.</summary>
    public EcsServiceStatus Status { get; set; } = EcsServiceStatus.Active;
    public required string TaskDefinitionArn { get; set; }
    public int DesiredCount { get; set; }
    public string LaunchType { get; set; } = "EC2";
    public string? ClientToken { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];

    public string Group => $"service:{ServiceName}";
}
