using Amazon.EC2.Model;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;

namespace OutpostServerless.Provisioning.Tagging;

/// <summary>The tags every created resource carries, so any attempt (or Rollback) can find it again.</summary>
public static class ProvisioningTags
{
    public const string ProvisioningIdKey = "outpost-serverless:provisioning-id";
    public const string StepKey = "outpost-serverless:step";
    /// <summary>The tag EC2 shows as a resource's name in the console.</summary>
    public const string NameKey = "Name";

    /// <summary>The EC2 Describe* filter that finds what this provisioning made.</summary>
    public static Filter Ec2Filter(string provisioningId) => new()
    {
        Name = "tag:" + ProvisioningIdKey,
        Values = [provisioningId],
    };

    /// <summary>True when the tags say the resource was made by <paramref name="provisioningId"/>.</summary>
    public static bool CarriesProvisioningId(IEnumerable<Tag>? tags, string provisioningId) =>
        tags?.Any(t => t.Key == ProvisioningIdKey && t.Value == provisioningId) ?? false;

    /// <inheritdoc cref="CarriesProvisioningId(IEnumerable{Tag}?, string)"/>
    public static bool CarriesProvisioningId(IEnumerable<EcsTag>? tags, string provisioningId) =>
        tags?.Any(t => t.Key == ProvisioningIdKey && t.Value == provisioningId) ?? false;

    /// <inheritdoc cref="CarriesProvisioningId(IEnumerable{Tag}?, string)"/>
    public static bool CarriesProvisioningId(IEnumerable<IamTag>? tags, string provisioningId) =>
        tags?.Any(t => t.Key == ProvisioningIdKey && t.Value == provisioningId) ?? false;
}
