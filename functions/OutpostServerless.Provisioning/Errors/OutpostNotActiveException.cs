namespace OutpostServerless.Provisioning.Errors;

/// <summary>The Outpost exists but its life cycle status is not ACTIVE, so nothing can launch on it.</summary>
public sealed class OutpostNotActiveException(string outpostId, string lifeCycleStatus)
    : ProvisioningException(Name, $"Outpost {outpostId} is {lifeCycleStatus}, not ACTIVE.")
{
    public const string Name = "Provisioning.OutpostNotActive";

    public string OutpostId { get; } = outpostId;
    public string LifeCycleStatus { get; } = lifeCycleStatus;
}
