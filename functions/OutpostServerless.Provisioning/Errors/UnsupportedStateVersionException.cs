namespace OutpostServerless.Provisioning.Errors;

/// <summary>
/// A step was given a state document (the plan an execution carries, or one a record kept) in a shape it does
/// not know: written by another deployment of the steps. Misreading it could change the wrong resources, so the
/// step refuses it by name, and no retry will help.
/// </summary>
public sealed class UnsupportedStateVersionException(int version)
    : ProvisioningException(Name,
        $"plan.stateVersion: {version} is not a state document this deployment understands (it reads version {Request.ProvisioningPlan.CurrentStateVersion}). " +
        "Fix: let executions started by the other deployment finish on it, or deploy the version that wrote it.")
{
    public const string Name = "Provisioning.UnsupportedStateVersion";

    public int Version { get; } = version;
}
