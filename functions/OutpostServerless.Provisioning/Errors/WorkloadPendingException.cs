namespace OutpostServerless.Provisioning.Errors;

/// <summary>The service has not reached a steady state yet (or the tasks are not placed yet); the state machine retries.</summary>
public sealed class WorkloadPendingException(string workload, string progress)
    : ProvisioningException(Name, $"{workload} is not steady yet: {progress}.")
{
    public const string Name = "Provisioning.WorkloadPending";

    public string Workload { get; } = workload;
    public string Progress { get; } = progress;
}
