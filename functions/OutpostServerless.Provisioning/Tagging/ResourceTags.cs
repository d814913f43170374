using Amazon.EC2;
using Amazon.EC2.Model;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;

namespace OutpostServerless.Provisioning.Tagging;

/// <summary>
/// The tags one step puts on what it creates, in each service's shape. Always passed to the create
/// call itself (TagSpecifications / tags), never added afterwards, so nothing exists untagged.
/// </summary>
/// <remarks>
/// Built only through <see cref="For"/>: a public constructor of four strings let the step name land
/// where the execution id belongs, which hid what an execution created from its own rollback.
/// </remarks>
public sealed record ResourceTags
{
    private ResourceTags(string provisioningId, string executionId, string step, string? name)
    {
        ProvisioningId = provisioningId;
        ExecutionId = executionId;
        Step = step;
        Name = name;
    }

    public string ProvisioningId { get; }

    /// <summary>The execution creating it (<see cref="Request.ProvisioningPlan.ExecutionId"/>).</summary>
    public string ExecutionId { get; }

    public string Step { get; }

    /// <summary>The <c>Name</c> tag, for services whose console shows one (EC2); null elsewhere.</summary>
    public string? Name { get; }

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
