using System.Text.Json;
using Microsoft.Extensions.Logging;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// One change at a time: takes the provisioning's lock and its next generation with a conditional
/// write, before anything is changed, or fails with <see cref="ChangeInProgressException"/> naming the
/// execution that holds it. A retry after a lost answer finds the lock already its own and returns
/// the same ticket. A lock whose lease has lapsed (its execution timed out) is taken over. An apply records
/// its plan as the attempted one; a teardown gets the plan whose names it looks for, or
/// <see cref="ProvisioningNotFoundException"/> when no apply of the id was ever started.
/// </summary>
public sealed class BeginChange(ProvisioningRecords records, ProvisioningRecordOptions options, TimeProvider clock, ILogger<BeginChange> logger)
    : IStep<BeginChangeInput, ChangeTicket>
{
    // Each lost race means another execution wrote in between; after a few, it holds the lock or the record is contended.
    private const int Attempts = 3;

    public async Task<ChangeTicket> RunAsync(BeginChangeInput input, CancellationToken cancellationToken)
    {
        var id = input.Id;
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var current = await records.GetAsync(id, cancellationToken);
            var teardownPlan = input.Action == ChangeKind.Teardown
                ? current?.TeardownPlan ?? throw new ProvisioningNotFoundException(id)
                : null;
            if (current?.Lock is { } mine && mine.Execution == input.ExecutionName)
            {
                return Ticket(id, mine, teardownPlan);
            }

            if (current?.Lock is { } held && held.IsHeldAt(now))
            {
                throw new ChangeInProgressException(id, held.Execution, held.Since, held.LeaseExpiresAt);
            }

            var taken = new ChangeLock(input.ExecutionName, (current?.Generation ?? 0) + 1, input.Action, now, now + options.Lease);
            var next = (current ?? new ProvisioningRecord { ProvisioningId = id }) with
            {
                Generation = taken.Generation,
                Lock = taken,
                AttemptedPlan = input.Action == ChangeKind.Apply && input.Plan is { } attempted ? JsonSerializer.Serialize(attempted, RequestJsonContext.Default.ProvisioningPlan) : current?.AttemptedPlan,
                Executions = (current ?? new ProvisioningRecord { ProvisioningId = id }).WithExecution(
                    new ExecutionEntry(input.ExecutionName, taken.Generation, input.Action, ChangeOutcome.Running, now)),
            };
            if (await records.TryReplaceAsync(next, current, cancellationToken))
            {
                if (current?.Lock is { } lapsed)
                {
                    logger.LogWarning("Took over the lock of {ProvisioningId} from {Execution}, whose lease lapsed at {LeaseExpiresAt}", id, lapsed.Execution, lapsed.LeaseExpiresAt);
                }

                logger.LogInformation("{Execution} holds {ProvisioningId} for generation {Generation}", input.ExecutionName, id, taken.Generation);
                return Ticket(id, taken, teardownPlan);
            }

            if (attempt == Attempts)
            {
                var latest = await records.GetAsync(id, cancellationToken);
                var holder = latest?.Lock;
                throw new ChangeInProgressException(id, holder?.Execution ?? "another execution", holder?.Since ?? now, holder?.LeaseExpiresAt ?? now);
            }
        }
    }

    private static ChangeTicket Ticket(string id, ChangeLock held, string? teardownPlan) => new(
        id, held.Generation, held.Execution, held.Action, held.LeaseExpiresAt,
        teardownPlan is null ? null : JsonSerializer.Deserialize(teardownPlan, RequestJsonContext.Default.ProvisioningPlan));
}
