using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Undoes what this execution changed, and only that. What it created (tagged with its execution id,
/// found afresh: a failed Parallel branch loses its outputs) is deleted in reverse dependency order;
/// what it modified is restored from the before snapshot PlanProvisioning recorded
/// (<see cref="RestoreBefore"/>); what existed before it started is never deleted, so a failed update
/// leaves the provisioning at its last working state and the first creation's rollback still deletes
/// all it made. Idempotent: what is already gone or already restored counts as done, so a retry
/// finishes the job. While terminated instances are still shutting down, or instances cannot be
/// terminated because their Outpost is disconnected, it does what it can and throws
/// <see cref="RollbackPendingException"/> for the state machine to retry. Whether to roll back at all
/// (onFailure: retain) is the state machine's decision.
/// </summary>
public sealed class Rollback(AwsPorts aws, ILogger<Rollback> logger) : IStep<RollbackInput, RollbackResult>
{
    public async Task<RollbackResult> RunAsync(RollbackInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        logger.LogWarning("Rolling back execution {ExecutionId} of {ProvisioningId} after {Error}: {Cause}",
            plan.ExecutionId, plan.ProvisioningId, input.Failure?.Error ?? "(no failure recorded)", input.Failure?.Cause);

        var log = new DeletionLog();
        var created = Ownership.OfExecution(plan);
        var ecs = new EcsTeardown(aws.Ecs, plan, created, log);
        var ec2 = new Ec2Teardown(aws.Ec2, plan, created, log);
        var iam = new IamTeardown(aws.Iam, plan, created, log);
        // No snapshot (the plan step never ran): nothing existed that could have been modified.
        var restore = new RestoreBefore(aws, plan, input.Apply?.Before ?? new ProvisioningSnapshot());

        await restore.RestoreContainerInstancesAsync(cancellationToken);
        await ecs.DeleteServiceAsync(cancellationToken);
        await restore.RestoreServiceAsync(cancellationToken);
        await ecs.StopTasksAsync(cancellationToken);
        await ecs.DeregisterTaskDefinitionsAsync(cancellationToken);
        var unreachable = await ec2.TerminateInstancesAsync(cancellationToken);
        await ecs.DeleteClusterAsync(cancellationToken);
        await restore.RestoreManagedPoliciesAsync(cancellationToken);
        await iam.DeleteInstanceProfileAsync(cancellationToken);
        await iam.DeleteRoleAsync(cancellationToken);
        await restore.RestoreIngressAsync(cancellationToken);

        // Deleting the group or subnet now would fail with DependencyViolation: stop with a named
        // error the state machine retries after a pause, rather than sleeping in the function.
        var shuttingDown = await ec2.InstancesShuttingDownAsync(cancellationToken);
        if (shuttingDown.Count > 0 || unreachable.Count > 0)
        {
            throw new RollbackPendingException(plan.ProvisioningId, shuttingDown, log.Deleted, unreachable);
        }

        await ec2.DeleteSecurityGroupsAsync(cancellationToken);
        await ec2.DeleteSubnetsAsync(cancellationToken);
        await new EgressTeardown(aws.Ec2, plan, log).DeleteAsync(cancellationToken);
        await ec2.DeleteVpcsAsync(cancellationToken);

        foreach (var deleted in log.Deleted)
        {
            logger.LogInformation("Rollback of {ProvisioningId} deleted {ResourceType} {ResourceId}", plan.ProvisioningId, deleted.Type, deleted.Id);
        }
        foreach (var restored in restore.Restored)
        {
            logger.LogInformation("Rollback of {ProvisioningId} restored {ResourceType} {ResourceId}: {What}", plan.ProvisioningId, restored.Type, restored.Id, restored.What);
        }
        return new RollbackResult(log.Deleted, restore.Restored);
    }
}
