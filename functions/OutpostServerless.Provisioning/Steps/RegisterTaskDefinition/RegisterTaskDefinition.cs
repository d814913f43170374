using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Registers the workload's task definition, unless the family's latest ACTIVE revision is ours and
/// already says exactly what the plan asks: revisions are immutable and unbounded, so re-runs must
/// not pile them up. Registering has no client token, so a revision just registered is taken back
/// when the one below it is ours and the same (a racing attempt registered it first).
/// </summary>
public sealed class RegisterTaskDefinition(AwsPorts aws, ILogger<RegisterTaskDefinition> logger)
    : IStep<RegisterTaskDefinitionInput, TaskDefinitionResource>
{
    public async Task<TaskDefinitionResource> RunAsync(RegisterTaskDefinitionInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var desired = TaskDefinitionRequest.From(plan.Workload, ResourceTags.For(plan, nameof(RegisterTaskDefinition)).ToEcs());

        // The revision PlanProvisioning found (the service's or the tasks' own, even under another
        // provisioning's newer revision of a shared family), if it is still there.
        if (input.Apply?.Before.MatchingTaskDefinition is { } planned
            && await OwnedTaskDefinitions.DescribeAsync(aws.Ecs, planned.TaskDefinitionArn, plan.ProvisioningId, cancellationToken) is { } found
            && TaskDefinitionComparison.Matches(desired, found.TaskDefinition))
        {
            logger.LogInformation("Reusing task definition {TaskDefinitionArn}: it matches the plan", found.TaskDefinition.TaskDefinitionArn);
            return ToResource(found.TaskDefinition);
        }

        var latest = await DescribeLatestAsync(desired.Family, cancellationToken);
        if (latest is not null
            && latest.TaskDefinition.Status == TaskDefinitionStatus.Active
            && ProvisioningTags.CarriesProvisioningId(latest.Tags, plan.ProvisioningId)
            && TaskDefinitionComparison.Matches(desired, latest.TaskDefinition))
        {
            logger.LogInformation("Reusing task definition {TaskDefinitionArn}: it matches the plan", latest.TaskDefinition.TaskDefinitionArn);
            return ToResource(latest.TaskDefinition);
        }

        var registered = (await aws.Ecs.RegisterTaskDefinitionAsync(desired, cancellationToken)).TaskDefinition;
        logger.LogInformation("Registered task definition {TaskDefinitionArn} for {ProvisioningId}", registered.TaskDefinitionArn, plan.ProvisioningId);

        // A racing attempt (or a client retry after a lost response) may have registered the same
        // revision just before ours: keep that one, and take ours back.
        if (await TwinBelowAsync(registered, desired, plan.ProvisioningId, cancellationToken) is { } twin)
        {
            await aws.Ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest(registered.TaskDefinitionArn), cancellationToken);
            logger.LogInformation("Deregistered {TaskDefinitionArn}: {TwinArn} says the same and was registered first", registered.TaskDefinitionArn, twin.TaskDefinitionArn);
            return ToResource(twin);
        }

        return ToResource(registered);
    }

    private async Task<TaskDefinition?> TwinBelowAsync(
        TaskDefinition registered, RegisterTaskDefinitionRequest desired, string provisioningId, CancellationToken cancellationToken)
    {
        if (registered.Revision <= 1)
        {
            return null;
        }

        DescribeTaskDefinitionResponse previous;
        try
        {
            previous = await aws.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest
            {
                TaskDefinition = $"{registered.Family}:{registered.Revision - 1}",
                Include = ["TAGS"],
            }, cancellationToken);
        }
        catch (AmazonServiceException e) when (e.ErrorCode == EcsErrorCodes.ClientException)
        {
            return null;
        }

        return previous.TaskDefinition.Status == TaskDefinitionStatus.Active
            && ProvisioningTags.CarriesProvisioningId(previous.Tags, provisioningId)
            && TaskDefinitionComparison.Matches(desired, previous.TaskDefinition)
                ? previous.TaskDefinition
                : null;
    }

    private async Task<DescribeTaskDefinitionResponse?> DescribeLatestAsync(string family, CancellationToken cancellationToken)
    {
        try
        {
            return await aws.Ecs.DescribeTaskDefinitionAsync(
                new DescribeTaskDefinitionRequest { TaskDefinition = family, Include = ["TAGS"] }, cancellationToken);
        }
        catch (AmazonServiceException e) when (IsNoSuchFamily(e))
        {
            return null;
        }
    }

    /// <summary>ECS has no NotFound code here: a family with no ACTIVE revision is a ClientException with this message.</summary>
    public static bool IsNoSuchFamily(AmazonServiceException e) =>
        e.ErrorCode == EcsErrorCodes.ClientException
        && e.Message.Contains("Unable to describe task definition", StringComparison.OrdinalIgnoreCase);

    private static TaskDefinitionResource ToResource(TaskDefinition definition) =>
        new(definition.TaskDefinitionArn, definition.Family, definition.Revision);
}
