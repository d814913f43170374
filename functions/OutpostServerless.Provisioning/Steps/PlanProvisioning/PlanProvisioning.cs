using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The second step, and the <c>plan</c> (dry run) command's engine: reads what exists for the
/// provisioning (tags, names), records it as the before snapshot Rollback restores from, and works
/// out per resource what applying the request does — or refuses it (an immutable field, a rename)
/// with <see cref="ChangeRefusedException"/> before anything is touched. Reads only.
/// </summary>
public sealed class PlanProvisioning(AwsPorts aws, ILogger<PlanProvisioning> logger) : IStep<PlanProvisioningInput, ApplyPlan>
{
    private readonly SnapshotReader _reader = new(aws);

    /// <summary>The plan, refusals included: what <c>plan</c> prints. Never throws for a refusal.</summary>
    public async Task<ApplyPlan> PlanAsync(ProvisioningPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var before = await _reader.ReadAsync(plan, cancellationToken);
        return ChangePlanner.Plan(plan, before);
    }

    /// <summary>The step: the plan, or <c>Provisioning.ChangeRefused</c> when a change is refused.</summary>
    public async Task<ApplyPlan> RunAsync(PlanProvisioningInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = input.Plan;
        var apply = await PlanAsync(plan, cancellationToken);
        if (apply.ChangeSet.Refused.Count > 0)
        {
            logger.LogWarning("Refused the request for {ProvisioningId}: {Count} change(s), first {Field}",
                plan.ProvisioningId, apply.ChangeSet.Refused.Count, apply.ChangeSet.Refused[0].Field);
            throw new ChangeRefusedException(plan.ProvisioningId, apply.ChangeSet.Refused);
        }

        foreach (var change in apply.ChangeSet.Changes)
        {
            logger.LogInformation("Plan for {ProvisioningId}: {Resource} {ResourceId} {Action} {Fields}",
                plan.ProvisioningId, change.Resource, change.Id, change.Action, string.Join(",", change.Fields));
        }
        return apply;
    }
}
