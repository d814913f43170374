using System.Text;
using System.Text.Json;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The user data that joins an instance to the cluster: it appends the ECS agent settings to
/// <c>/etc/ecs/ecs.config</c>, as the ECS-on-Outposts runbook does, with straight quotes.
/// </summary>
public static class ContainerInstanceUserData
{
    /// <summary>The script itself. The here-document delimiter is quoted, so the shell expands nothing.</summary>
    public static string Script(string clusterName, string imagePullBehavior, IReadOnlyDictionary<string, string> containerInstanceTags) =>
        "#!/bin/bash\n"
        + "cat <<'EOF' >> /etc/ecs/ecs.config\n"
        + $"ECS_CLUSTER={clusterName}\n"
        + $"ECS_IMAGE_PULL_BEHAVIOR={imagePullBehavior}\n"
        + $"ECS_CONTAINER_INSTANCE_TAGS={TagsJson(containerInstanceTags)}\n"
        + "EOF\n";

    /// <summary>The script base64-encoded, as RunInstances takes UserData.</summary>
    public static string Base64(string clusterName, string imagePullBehavior, IReadOnlyDictionary<string, string> containerInstanceTags) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Script(clusterName, imagePullBehavior, containerInstanceTags)));

    /// <summary>
    /// A compact JSON object, keys in ordinal order so the same plan always yields the same bytes.
    /// The default encoder escapes quotes, control characters and everything outside ASCII, so the
    /// value stays on one line and cannot end the here-document early.
    /// </summary>
    public static string TagsJson(IReadOnlyDictionary<string, string> tags)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                writer.WriteString(key, value);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
