using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// How this execution's change ended. <see cref="Plan"/> (apply) is recorded as the last applied plan
/// when it succeeded; <see cref="Failure"/> is what the Catch recorded when it did not.
/// </summary>
public sealed record EndChangeInput(
    string ExecutionName,
    ChangeOutcome Outcome,
    ProvisioningPlan? Plan = null,
    string? ProvisioningId = null,
    ChangeKind Action = ChangeKind.Apply,
    StepFailure? Failure = null) : IProvisioningEvent
{
    string? IProvisioningEvent.ProvisioningId => Plan?.ProvisioningId ?? ProvisioningId;

    public string Id => Plan?.ProvisioningId ?? ProvisioningId ?? throw new Errors.StepInputMissingException(nameof(EndChange), "plan or provisioningId");
}
