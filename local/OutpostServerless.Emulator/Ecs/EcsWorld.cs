using System.Text.RegularExpressions;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.Ecs;

/// <summary>
/// ECS's state and rules: clusters, the container instances the agents register, task
/// definitions, tasks and services, one file per resource. Time-driven behaviour (agents
/// registering ~30 s after launch, tasks starting and stopping, services converging on their
/// desired count) happens in <see cref="Advance"/>, evaluated lazily against the clock.
/// </summary>
internal sealed partial class EcsWorld(EmulatedRegion region)
{
    private EcsState State => region.State.Ecs;

    public void Advance(DateTimeOffset now)
    {
        RegisterAgents(now);
        DeregisterGoneInstances(now);
        ProgressTasks(now);
        ConvergeServices(now);
    }

    /// <summary>
    /// ACTIVE clusters, task definitions and services, and tasks not yet stopped, whose tags pass
    /// <paramref name="include"/>. Tasks a service's scheduler starts are ECS's own doing and are not listed.
    /// </summary>
    public IEnumerable<EmulatedResource> Resources(Func<Dictionary<string, string>, bool> include)
    {
        bool Tagged(Dictionary<string, string> tags) => include(tags);
        foreach (var cluster in State.Clusters.Where(c => c.Status == ClusterStatus.Active && Tagged(c.Tags)))
        {
            yield return new EmulatedResource("cluster", cluster.ClusterArn, cluster.Tags);
        }

        foreach (var definition in State.TaskDefinitions.Where(d => d.Status == TaskDefinitionStatus.Active && Tagged(d.Tags)))
        {
            yield return new EmulatedResource("task-definition", definition.TaskDefinitionArn, definition.Tags);
        }

        foreach (var service in State.Services.Where(s => s.Status == EcsServiceStatus.Active && Tagged(s.Tags)))
        {
            yield return new EmulatedResource("service", service.ServiceArn, service.Tags);
        }

        foreach (var task in State.Tasks.Where(t => t.LastStatus != EcsTaskStatus.Stopped && !(t.StartedBy?.StartsWith("ecs-svc/", StringComparison.Ordinal) ?? false) && Tagged(t.Tags)))
        {
            yield return new EmulatedResource("task", task.TaskArn, task.Tags);
        }
    }

    public EcsAgentConfig? AgentConfiguration(string ec2InstanceId) => State.Agents.GetValueOrDefault(ec2InstanceId)?.Config;

    private string EcsArn(string resource) => region.Arn("ecs", resource);

    /// <summary>A cluster name from a name or ARN; ECS's "default" when none is given.</summary>
    private static string ClusterName(string? clusterOrArn) =>
        string.IsNullOrEmpty(clusterOrArn) ? "default"
        : clusterOrArn.StartsWith("arn:", StringComparison.Ordinal) ? clusterOrArn[(clusterOrArn.IndexOf(":cluster/", StringComparison.Ordinal) + 9)..]
        : clusterOrArn;

    private ClusterRecord? FindCluster(string? clusterOrArn)
    {
        var name = ClusterName(clusterOrArn);
        return State.Clusters.Find(c => c.ClusterName == name);
    }

    private ClusterRecord RequireActiveCluster(string? clusterOrArn) =>
        FindCluster(clusterOrArn) is { } cluster && cluster.Status == ClusterStatus.Active ? cluster : throw EcsErrors.ClusterNotFound();

    /// <summary>The last segment of an ECS ARN (task or container instance id), or the id itself.</summary>
    private static string IdOf(string arnOrId) => arnOrId[(arnOrId.LastIndexOf('/') + 1)..];

    private static Dictionary<string, string> Tags(IReadOnlyList<EcsTag> tags)
    {
        if (tags.Count > 50)
        {
            throw EcsErrors.InvalidParameter("Too many tags: a resource may have 50.");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (string.IsNullOrEmpty(tag.Key) || tag.Key.Length > 128 || (tag.Value?.Length ?? 0) > 256)
            {
                throw EcsErrors.InvalidParameter("Tag keys must have 1 to 128 characters and values at most 256.");
            }

            if (tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw EcsErrors.InvalidParameter("Tag keys must not begin with 'aws:'; that prefix is reserved for AWS use.");
            }

            result[tag.Key] = tag.Value ?? string.Empty;
        }

        return result;
    }

    private static List<EcsTag> ToTags(Dictionary<string, string> tags) => [.. tags.Select(t => new EcsTag(t.Key, t.Value))];

    private static bool IncludesTags(IReadOnlyList<string> include) => include.Contains("TAGS", StringComparer.Ordinal);

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,255}$")]
    private static partial Regex ResourceName();
}
