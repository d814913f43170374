using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>A step's event that carries the plan: it belongs to the plan's provisioning.</summary>
public interface IPlannedEvent : IProvisioningEvent
{
    ProvisioningPlan Plan { get; }

    string? IProvisioningEvent.ProvisioningId => Plan?.ProvisioningId;
}
