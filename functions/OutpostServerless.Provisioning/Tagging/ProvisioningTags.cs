using Amazon.EC2.Model;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;

namespace OutpostServerless.Provisioning.Tagging;

/// <summary>The tags every created resource carries, so any attempt (or Rollback) can find it again.</summary>
public static class ProvisioningTags
{
    public const string ProvisioningIdKey = "outpost-serverless:provisioning-id";
    public const string StepKey = "outpost-serverless:step";
    /// <summary>
    /// The execution that created the resource: a failed execution deletes only what carries its own
    /// id, never what an earlier, successful execution made.
    /// </summary>
    public const string ExecutionKey = "outpost-serverless:execution";
    /// <summary>On the cluster: the workload it was made for (<c>service:{name}</c> or <c>task</c>), so a rename or a mode switch is seen.</summary>
    public const string WorkloadKey = "outpost-serverless:workload";
    /// <summary>On an instance: the cluster its user data joins.</summary>
    public const string ClusterKey = "outpost-serverless:cluster";
    /// <summary>The tag EC2 shows as a resource's name in the console.</summary>
    public const string NameKey = "Name";

    /// <summary>The value of <see cref="WorkloadKey"/> for a workload plan.</summary>
    public static string WorkloadTagValue(Request.WorkloadPlan workload) =>
        workload.ServiceName is { } service ? $"service:{service}" : "task";

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
