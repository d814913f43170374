using System.Security.Cryptography;
using System.Text;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The settings an instance is launched with, recorded on it as the <c>outpost-serverless:launch</c>
/// tag (a short hash per request field), so a later apply can tell which instances still match the
/// request and which field changed. An instance whose tag differs is replaced, never modified: user
/// data and the instance type only take effect at launch.
/// </summary>
public static class LaunchConfiguration
{
    public const string TagKey = "outpost-serverless:launch";

    /// <summary>The request fields, in tag order, with the short key each has in the tag.</summary>
    private static readonly (string Key, string Field)[] Fields =
    [
        ("type", "cluster.instanceType"),
        ("ami", "cluster.amiId"),
        ("key", "cluster.keyName"),
        ("pull", "cluster.imagePullBehavior"),
        ("tags", "cluster.containerInstanceTags"),
    ];

    /// <summary>The tag value for the plan, e.g. <c>type=1a2b3c4d,ami=…,key=…,pull=…,tags=…</c>.</summary>
    public static string TagValue(ClusterPlan cluster)
    {
        var values = Values(cluster);
        return string.Join(',', Fields.Select(f => $"{f.Key}={Hash(values[f.Key])}"));
    }

    /// <summary>The request fields whose value differs between the plan and an instance's tag (all of them when the tag is missing or unreadable).</summary>
    public static IReadOnlyList<string> ChangedFields(ClusterPlan cluster, string? tagValue)
    {
        var recorded = (tagValue ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        var values = Values(cluster);
        return [.. Fields
            .Where(f => !recorded.TryGetValue(f.Key, out var hash) || hash != Hash(values[f.Key]))
            .Select(f => f.Field)];
    }

    private static Dictionary<string, string> Values(ClusterPlan cluster) => new(StringComparer.Ordinal)
    {
        ["type"] = cluster.InstanceType,
        // No amiId: the ECS-optimized AMI SSM names at launch. A newer one there does not replace instances.
        ["ami"] = cluster.AmiId ?? "(ecs-optimized)",
        ["key"] = cluster.KeyName ?? "",
        ["pull"] = cluster.ImagePullBehavior,
        ["tags"] = ContainerInstanceUserData.TagsJson(cluster.ContainerInstanceTags),
    };

    private static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..8];
}
