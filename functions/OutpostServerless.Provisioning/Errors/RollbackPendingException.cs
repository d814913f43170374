using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Provisioning.Errors;

/// <summary>
/// Rollback has deleted all it can for now, but terminated instances are still shutting down and
/// hold on to the security group and subnet (EC2 would answer DependencyViolation), or instances
/// could not be terminated because their Outpost is disconnected from the Region. The state machine
/// retries Rollback after a pause; the retry carries on where this attempt stopped.
/// </summary>
public sealed class RollbackPendingException(
    string provisioningId,
    IReadOnlyList<string> shuttingDownInstanceIds,
    IReadOnlyList<DeletedResource> deletedSoFar,
    IReadOnlyList<string>? unreachableInstanceIds = null)
    : ProvisioningException(Name, Describe(provisioningId, shuttingDownInstanceIds, deletedSoFar, unreachableInstanceIds ?? []))
{
    public const string Name = "Provisioning.RollbackPending";

    public string ProvisioningId { get; } = provisioningId;
    public IReadOnlyList<string> ShuttingDownInstanceIds { get; } = shuttingDownInstanceIds;
    /// <summary>Instances EC2 could not terminate yet: their Outpost is disconnected from the Region.</summary>
    public IReadOnlyList<string> UnreachableInstanceIds { get; } = unreachableInstanceIds ?? [];
    /// <summary>What this attempt deleted before it had to stop.</summary>
    public IReadOnlyList<DeletedResource> DeletedSoFar { get; } = deletedSoFar;

    private static string Describe(
        string provisioningId, IReadOnlyList<string> shuttingDown, IReadOnlyList<DeletedResource> deleted, IReadOnlyList<string> unreachable)
    {
        var waits = new List<string>();
        if (shuttingDown.Count > 0)
        {
            waits.Add($"{shuttingDown.Count} instance(s) to finish terminating ({string.Join(", ", shuttingDown)})");
        }

        if (unreachable.Count > 0)
        {
            waits.Add($"the Outpost of {unreachable.Count} instance(s) to reconnect so they can be terminated ({string.Join(", ", unreachable)})");
        }

        return $"Rollback of {provisioningId} is waiting for {string.Join(" and ", waits)} before deleting the security group, subnet and VPC; "
            + $"deleted so far: {(deleted.Count == 0 ? "nothing" : string.Join(", ", deleted.Select(d => $"{d.Type} {d.Id}")))}.";
    }
}
