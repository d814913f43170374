namespace OutpostServerless.Provisioning.Errors;

/// <summary>RunTask could not place the tasks (ECS returned <c>failures</c>, e.g. RESOURCE:MEMORY).</summary>
public sealed class WorkloadPlacementFailedException(string clusterName, IReadOnlyList<string> reasons)
    : ProvisioningException(Name, $"ECS could not place the tasks in cluster {clusterName}: {string.Join("; ", reasons)}.")
{
    public const string Name = "Provisioning.WorkloadPlacementFailed";

    public string ClusterName { get; } = clusterName;
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
