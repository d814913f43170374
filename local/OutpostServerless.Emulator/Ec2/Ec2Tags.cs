using Amazon.EC2.Model;

namespace OutpostServerless.Emulator.Ec2;

/// <summary>TagSpecifications as EC2 checks them, and tags back to the SDK shape.</summary>
internal static class Ec2Tags
{
    /// <summary>
    /// The tags for <paramref name="resourceType"/>; a specification for a type this operation does
    /// not create is InvalidParameterValue, as in EC2.
    /// </summary>
    public static Dictionary<string, string> From(List<TagSpecification>? specifications, string resourceType, params string[] alsoAccepted)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var specification in specifications ?? [])
        {
            var type = specification.ResourceType?.Value;
            if (type != resourceType && !alsoAccepted.Contains(type))
            {
                throw Ec2Errors.InvalidValue($"'{type}' is not a valid taggable resource type for this operation.");
            }

            if (specification.Tags is not { Count: > 0 })
            {
                throw Ec2Errors.InvalidValue("Tag specification must have at least one tag");
            }

            if (type != resourceType)
            {
                continue;
            }

            foreach (var tag in specification.Tags)
            {
                Validate(tag);
                tags[tag.Key] = tag.Value;
            }
        }

        if (tags.Count > 50)
        {
            throw Ec2Errors.Error("TagLimitExceeded", "The maximum number of Tags for a resource has been reached.");
        }

        return tags;
    }

    public static List<Tag>? ToSdk(Dictionary<string, string> tags) =>
        tags.Count == 0 ? null : [.. tags.Select(t => new Tag(t.Key, t.Value))];

    private static void Validate(Tag tag)
    {
        if (string.IsNullOrEmpty(tag.Key))
        {
            throw Ec2Errors.InvalidValue("Tag key cannot be null or empty.");
        }

        if (tag.Value is null)
        {
            throw Ec2Errors.InvalidValue("Tag value cannot be null. Use empty string instead.");
        }

        if (tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            throw Ec2Errors.InvalidValue($"Value ( {tag.Key} ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use");
        }

        if (tag.Key.Length > 128 || tag.Value.Length > 256)
        {
            throw Ec2Errors.InvalidValue($"Tag '{tag.Key}' is too long: keys may have 128 characters and values 256.");
        }
    }
}
