using OutpostServerless.Provisioning.Records;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// BeginChange's answer (<c>$.change</c>): this execution holds the provisioning's lock for
/// <see cref="Generation"/>, which later steps may use to make their client tokens unique per change.
/// </summary>
public sealed record ChangeTicket(string ProvisioningId, long Generation, string ExecutionName, ChangeKind Action, DateTimeOffset LeaseExpiresAt);
