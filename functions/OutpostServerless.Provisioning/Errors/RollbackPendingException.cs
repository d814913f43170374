using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Provisioning.Errors;

/// <summary>
/// Rollback has deleted all it can for now, but terminated instances are still shutting down and
/// hold on to the security group and subnet (EC2 would answer DependencyViolation). The state
/// machine retries Rollback after a pause; the retry carries on where this attempt stopped.
/// </summary>
public sealed class RollbackPendingException(string provisioningId, IReadOnlyList<string> shuttingDownInstanceIds, IReadOnlyList<DeletedResource> deletedSoFar)
    : ProvisioningException(
        Name,
        $"Rollback of {provisioningId} is waiting for {shuttingDownInstanceIds.Count} instance(s) to finish terminating "
            + $"({string.Join(", ", shuttingDownInstanceIds)}) before deleting the security group, subnet and VPC; "
            + $"deleted so far: {(deletedSoFar.Count == 0 ? "nothing" : string.Join(", ", deletedSoFar.Select(d => $"{d.Type} {d.Id}")))}.")
{
    public const string Name = "Provisioning.RollbackPending";

    public string ProvisioningId { get; } = provisioningId;
    public IReadOnlyList<string> ShuttingDownInstanceIds { get; } = shuttingDownInstanceIds;
    /// <summary>What this attempt deleted before it had to stop.</summary>
    public IReadOnlyList<DeletedResource> DeletedSoFar { get; } = deletedSoFar;
}
