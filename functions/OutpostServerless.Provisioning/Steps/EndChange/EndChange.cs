using System.Text.Json;
using Microsoft.Extensions.Logging;
using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Ends this execution's change: records its outcome among the provisioning's executions and releases
/// the lock. A succeeded apply becomes the last applied plan; a succeeded teardown marks the record
/// deleted (kept, so generations and execution names never repeat). An execution that no longer holds
/// the lock (its lease lapsed and another took it) changes nothing. Both state machines end with it.
/// </summary>
public sealed class EndChange(ProvisioningRecords records, TimeProvider clock, ILogger<EndChange> logger) : IStep<EndChangeInput, EndChangeResult>
{
    public async Task<EndChangeResult> RunAsync(EndChangeInput input, CancellationToken cancellationToken)
    {
        var id = input.Id;
        if (input.Outcome == ChangeOutcome.Running)
        {
            throw new Errors.StepInputMissingException(nameof(EndChange), "outcome (Succeeded or Failed)");
        }

        while (true)
        {
            var current = await records.GetAsync(id, cancellationToken);
            if (current?.Lock is not { } held || held.Execution != input.ExecutionName)
            {
                logger.LogWarning("{Execution} no longer holds {ProvisioningId} (held by {Holder}); its outcome {Outcome} is not recorded",
                    input.ExecutionName, id, current?.Lock?.Execution ?? "nobody", input.Outcome);
                return new EndChangeResult(id, current?.Generation ?? 0, input.Outcome, current?.Status ?? ProvisioningStatus.Deleted, Released: false);
            }

            var succeeded = input.Outcome == ChangeOutcome.Succeeded;
            var next = current with
            {
                Lock = null,
                Executions = [.. current.Executions.Select(e => e.Execution == input.ExecutionName && e.Generation == held.Generation
                    ? e with { Outcome = input.Outcome, EndedAt = clock.GetUtcNow(), Error = input.Failure?.Error, Cause = input.Failure?.Cause }
                    : e)],
            };
            next = (succeeded, held.Action) switch
            {
                (true, ChangeKind.Apply) => next with
                {
                    Status = ProvisioningStatus.Active,
                    LastAppliedPlan = input.Plan is null ? current.LastAppliedPlan : JsonSerializer.Serialize(input.Plan, RequestJsonContext.Default.ProvisioningPlan),
                    LastAppliedGeneration = held.Generation,
                },
                (true, ChangeKind.Teardown) => next with { Status = ProvisioningStatus.Deleted, LastAppliedPlan = null, LastAppliedGeneration = null, AttemptedPlan = current.TeardownPlan },
                _ => next,
            };
            if (await records.TryReplaceAsync(next, current, cancellationToken))
            {
                logger.LogInformation("{Execution} ended {Action} of {ProvisioningId} (generation {Generation}): {Outcome}", input.ExecutionName, held.Action, id, held.Generation, input.Outcome);
                return new EndChangeResult(id, held.Generation, input.Outcome, next.Status, Released: true);
            }
        }
    }
}
