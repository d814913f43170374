namespace OutpostServerless.Provisioning.Errors;

/// <summary>ECS could not place the workload: RunTask returned <c>failures</c> (e.g. RESOURCE:MEMORY), or the service's scheduler reported it could not place a task; the reasons are ECS's own.</summary>
public sealed class WorkloadPlacementFailedException(string clusterName, IReadOnlyList<string> reasons)
    : ProvisioningException(Name, $"ECS could not place the tasks in cluster {clusterName}: {string.Join("; ", reasons)}.")
{
    public const string Name = "Provisioning.WorkloadPlacementFailed";

    public string ClusterName { get; } = clusterName;
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
