using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Provisioning.Errors;

/// <summary>
/// A teardown step has done what it can for now and waits on AWS (instances still terminating, an Outpost
/// disconnected from its Region). The teardown state machine retries the step after a pause; the retry
/// carries on where this attempt stopped.
/// </summary>
public sealed class TeardownPendingException(string provisioningId, string waitingFor, IReadOnlyList<DeletedResource> deletedSoFar)
    : ProvisioningException(Name, $"Teardown of {provisioningId} is waiting for {waitingFor}; deleted so far in this attempt: "
        + (deletedSoFar.Count == 0 ? "nothing" : string.Join(", ", deletedSoFar.Select(d => $"{d.Type} {d.Id}"))) + ".")
{
    public const string Name = "Provisioning.TeardownPending";

    public string ProvisioningId { get; } = provisioningId;
}
