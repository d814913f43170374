using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Who wants to change which provisioning: the apply machine passes its validated plan, the teardown
/// machine only the provisioning id.
/// </summary>
public sealed record BeginChangeInput(string ExecutionName, ProvisioningPlan? Plan = null, string? ProvisioningId = null, ChangeKind Action = ChangeKind.Apply) : IProvisioningEvent
{
    string? IProvisioningEvent.ProvisioningId => Plan?.ProvisioningId ?? ProvisioningId;

    public string Id => Plan?.ProvisioningId ?? ProvisioningId ?? throw new Errors.StepInputMissingException(nameof(BeginChange), "plan or provisioningId");
}
