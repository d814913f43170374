namespace OutpostServerless.Provisioning.Errors;

/// <summary>Not all launched instances have registered with the cluster yet; the state machine retries.</summary>
public sealed class ContainerInstancesPendingException(string clusterName, int registered, int expected)
    : ProvisioningException(Name, $"{registered} of {expected} container instances are ACTIVE in cluster {clusterName}.")
{
    public const string Name = "Provisioning.ContainerInstancesPending";

    public string ClusterName { get; } = clusterName;
    public int Registered { get; } = registered;
    public int Expected { get; } = expected;
}
