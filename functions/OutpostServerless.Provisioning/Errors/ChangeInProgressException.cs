namespace OutpostServerless.Provisioning.Errors;

/// <summary>
/// Another execution is changing the provisioning: this one is refused before it changes anything.
/// The state machine never retries it (the other execution may run for hours).
/// </summary>
public sealed class ChangeInProgressException(string provisioningId, string runningExecution, DateTimeOffset since, DateTimeOffset leaseExpiresAt)
    : ProvisioningException(
        Name,
        $"provisioningId: {provisioningId} is being changed by execution {runningExecution} (since {since:u}; its lock lapses at {leaseExpiresAt:u} if it never ends); this execution changed nothing. "
            + $"Fix: wait until {runningExecution} ends (GET /provisionings/{provisioningId} shows it), then start again.")
{
    public const string Name = "Provisioning.ChangeInProgress";

    public string ProvisioningId { get; } = provisioningId;
    public string RunningExecution { get; } = runningExecution;
}
