using Amazon.EC2;
using Amazon.EC2.Model;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;

namespace OutpostServerless.Provisioning.Tagging;

/// <summary>
/// The tags one step puts on what it creates, in each service's shape. Always passed to the create
/// call itself (TagSpecifications / tags), never added afterwards, so nothing exists untagged.
/// </summary>
/// <param name="Name">The <c>Name</c> tag, for services whose console shows one (EC2); null elsewhere.</param>
public sealed record ResourceTags(string ProvisioningId, string Step, string? Name = null)
{
    public IReadOnlyList<KeyValuePair<string, string>> Pairs
    {
        get
        {
            var pairs = new List<KeyValuePair<string, string>>
            {
                new(ProvisioningTags.ProvisioningIdKey, ProvisioningId),
                new(ProvisioningTags.StepKey, Step),
            };
            if (Name is not null)
            {
                pairs.Add(new(ProvisioningTags.NameKey, Name));
            }
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
