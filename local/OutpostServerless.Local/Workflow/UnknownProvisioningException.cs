namespace OutpostServerless.Local.Workflow;

/// <summary>The world the command looked in has no record of this provisioning id: exit 2, nothing touched.</summary>
public sealed class UnknownProvisioningException(string provisioningId, string? stateFile)
    : Exception(stateFile is null
        ? $"provisioningId: no provisioning '{provisioningId}' is known without a world to look in. Fix: pass the --state-file its run used."
        : $"provisioningId: no provisioning '{provisioningId}' has a record in {stateFile}. Fix: check the id (the request's provisioningId, else the execution name its run took), or pass the --state-file its run used.")
{
    public string ProvisioningId { get; } = provisioningId;
}
