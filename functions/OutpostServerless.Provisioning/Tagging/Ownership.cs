using Amazon.EC2.Model;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Tagging;

/// <summary>
/// Which resources a deletion may touch, by their tags: everything of a provisioning (teardown), or
/// only what one execution created (rollback, which must never delete what existed before it).
/// </summary>
public sealed record Ownership(string TagKey, string TagValue)
{
    /// <summary>Everything tagged with the plan's provisioning id.</summary>
    public static Ownership OfProvisioning(ProvisioningPlan plan) => new(ProvisioningTags.ProvisioningIdKey, plan.ProvisioningId);

    /// <summary>Only what the plan's execution created.</summary>
    public static Ownership OfExecution(ProvisioningPlan plan) => new(ProvisioningTags.ExecutionKey, plan.ExecutionId);

    /// <summary>The EC2 Describe* filter that finds the owned resources.</summary>
    public Filter Ec2Filter => new() { Name = "tag:" + TagKey, Values = [TagValue] };

    public bool Owns(IEnumerable<Tag>? tags) => tags?.Any(t => t.Key == TagKey && t.Value == TagValue) ?? false;

    public bool Owns(IEnumerable<EcsTag>? tags) => tags?.Any(t => t.Key == TagKey && t.Value == TagValue) ?? false;

    public bool Owns(IEnumerable<IamTag>? tags) => tags?.Any(t => t.Key == TagKey && t.Value == TagValue) ?? false;
}
