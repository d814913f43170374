using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Deletes everything this provisioning made, in reverse dependency order. It searches by tag and
/// by the plan's names instead of reading the state document, because a failed Parallel branch
/// loses its outputs. Idempotent: what is already gone counts as done, so a retry (or a second run)
/// finishes the job and deletes nothing twice. While terminated instances are still shutting down,
/// or instances cannot be terminated because their Outpost is disconnected, it deletes what it can
/// and throws <see cref="RollbackPendingException"/> for the state machine to retry. Whether to roll back at all (onFailure: retain) is the state machine's decision;
/// called, this always deletes.
/// </summary>
public sealed class Rollback(AwsPorts aws, ILogger<Rollback> logger) : IStep<RollbackInput, RollbackResult>
{
    public async Task<RollbackResult> RunAsync(RollbackInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        logger.LogWarning("Rolling back {ProvisioningId} after {Error}: {Cause}",
            plan.ProvisioningId, input.Failure?.Error ?? "(no failure recorded)", input.Failure?.Cause);

        var log = new DeletionLog();
        var ecs = new EcsTeardown(aws.Ecs, plan, log);
        var ec2 = new Ec2Teardown(aws.Ec2, plan, log);
        var iam = new IamTeardown(aws.Iam, plan, log);

        await ecs.DeleteServiceAsync(cancellationToken);
        await ecs.StopTasksAsync(cancellationToken);
        await ecs.DeregisterTaskDefinitionsAsync(cancellationToken);
        var unreachable = await ec2.TerminateInstancesAsync(cancellationToken);
        await ecs.DeleteClusterAsync(cancellationToken);
        await iam.DeleteInstanceProfileAsync(cancellationToken);
        await iam.DeleteRoleAsync(cancellationToken);

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
        return new RollbackResult(log.Deleted);
    }
}
