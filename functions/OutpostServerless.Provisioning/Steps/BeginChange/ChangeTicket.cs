using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// BeginChange's answer (<c>$.change</c>): this execution holds the provisioning's lock for
/// <see cref="Generation"/>, which later steps may use to make their client tokens unique per change.
/// </summary>
/// <param name="Plan">For a teardown, the plan whose names it looks for (<see cref="ProvisioningRecord.TeardownPlan"/>); null for an apply, which brings its own.</param>
public sealed record ChangeTicket(string ProvisioningId, long Generation, string ExecutionName, ChangeKind Action, DateTimeOffset LeaseExpiresAt, ProvisioningPlan? Plan = null);
