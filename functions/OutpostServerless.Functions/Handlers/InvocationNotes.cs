using OutpostServerless.Functions.Logging;

namespace OutpostServerless.Functions.Handlers;

/// <summary>
/// What a handler learns of one invocation from its typed event and result, for the logs and metrics
/// (<see cref="TelemetryHandler"/>): nothing here is read back from JSON by field name.
/// </summary>
/// <param name="context">When given, the provisioning is stamped on the invocation's log lines as soon as it is known.</param>
public sealed class InvocationNotes(LogContext? context = null)
{
    private string? _provisioningId;

    /// <summary>The provisioning the event belongs to (<see cref="Provisioning.Steps.IProvisioningEvent"/>).</summary>
    public string? ProvisioningId
    {
        get => _provisioningId;
        set
        {
            _provisioningId = value;
            context?.SetProvisioning(value);
        }
    }

    /// <summary>The Step Functions retry count, when the state passes it (<see cref="StepAttempt"/>).</summary>
    public int? RetryCount { get; set; }

    /// <summary>How long the provisioning has waited for capacity, when the result tells (<see cref="Provisioning.Steps.ICapacityWaitReport"/>).</summary>
    public double? CapacityWaitSeconds { get; set; }
}
