using Amazon.EC2;
using Amazon.EC2.Model;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;

namespace OutpostServerless.Provisioning.Tagging;

/// <summary>
/// The tags one step puts on what it creates, in each service's shape. Always passed to the create
/// call itself (TagSpecifications / tags), never added afterwards, so nothing exists untagged.
/// </summary>
/// <param name="ExecutionId">The execution creating it (<see cref="Request.ProvisioningPlan.ExecutionId"/>).</param>
/// <param name="Name">The <c>Name</c> tag, for services whose console shows one (EC2); null elsewhere.</param>
public sealed record ResourceTags(string ProvisioningId, string ExecutionId, string Step, string? Name = null)
{
    /// <summary>The tags of what <paramref name="step"/> creates for the plan's provisioning, in the plan's execution.</summary>
    public static ResourceTags For(Request.ProvisioningPlan plan, string step, string? name = null) =>
        new(plan.ProvisioningId, plan.ExecutionId, step, name);

    /// <summary>Tags beyond the standard ones that a resource records about itself (e.g. its launch configuration).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extra { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Pairs
    {
        get
        {
            var pairs = new List<KeyValuePair<string, string>>
            {
                new(ProvisioningTags.ProvisioningIdKey, ProvisioningId),
                new(ProvisioningTags.StepKey, Step),
                new(ProvisioningTags.ExecutionKey, ExecutionId),
            };
            if (Name is not null)
            {
                pairs.Add(new(ProvisioningTags.NameKey, Name));
            }
            pairs.AddRange(Extra);
            return pairs;
        }
    }

    public TagSpecification ToEc2Specification(ResourceType resourceType) => new()
    {
        ResourceType = resourceType,
        Tags = [.. Pairs.Select(p => new Tag(p.Key, p.Value))],
    };

    public IReadOnlyList<EcsTag> ToEcs() => [.. Pairs.Select(p => new EcsTag(p.Key, p.Value))];

    public IReadOnlyList<IamTag> ToIam() => [.. Pairs.Select(p => new IamTag(p.Key, p.Value))];
}
