namespace OutpostServerless.Provisioning.Steps;

/// <summary>A step's event that belongs to one provisioning: the invocation's logs and metrics carry its id.</summary>
public interface IProvisioningEvent
{
    /// <summary>The provisioning's id; null when the event does not say (it is then refused by the step).</summary>
    string? ProvisioningId { get; }
}
