using OutpostServerless.Provisioning.Records;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>What EndChange recorded: the outcome, and whether this execution still held the lock to release.</summary>
public sealed record EndChangeResult(string ProvisioningId, long Generation, ChangeOutcome Outcome, ProvisioningStatus Status, bool Released);
