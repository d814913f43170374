using Amazon.Runtime;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>Task definition revisions that carry a provisioning's tag; a foreign or INACTIVE one reads as none.</summary>
public static class OwnedTaskDefinitions
{
    /// <param name="reference">A family (its latest ACTIVE revision), <c>family:revision</c> or an ARN.</param>
    public static async Task<DescribeTaskDefinitionResponse?> DescribeAsync(IEcs ecs, string reference, string provisioningId, CancellationToken cancellationToken)
    {
        DescribeTaskDefinitionResponse described;
        try
        {
            described = await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = reference, Include = ["TAGS"] }, cancellationToken);
        }
        catch (AmazonServiceException e) when (e.ErrorCode == EcsErrorCodes.ClientException)
        {
            // ECS has no NotFound code for task definitions: a missing family or revision is a ClientException.
            return null;
        }

        return described.TaskDefinition.Status == TaskDefinitionStatus.Active && ProvisioningTags.CarriesProvisioningId(described.Tags, provisioningId)
            ? described
            : null;
    }
}
