using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OutpostServerless.Emulator.Ecs;

/// <summary>
/// What the ECS agent reads from <c>/etc/ecs/ecs.config</c>, reconstructed from an instance's user
/// data the way cloud-init and bash would write it: here-documents appended to the file (the
/// delimiter quoted with ASCII quotes only; a delimiter never matched runs to the end of the
/// script, as in bash) and <c>echo … &gt;&gt; /etc/ecs/ecs.config</c> lines.
/// </summary>
public sealed partial record EcsAgentConfig
{
    public const string ConfigPath = "/etc/ecs/ecs.config";

    /// <summary>ECS_CLUSTER; the agent uses <c>default</c> when it is not set.</summary>
    public string Cluster { get; init; } = "default";

    /// <summary>ECS_IMAGE_PULL_BEHAVIOR as written (default, always, once or prefer-cached), or null.</summary>
    public string? ImagePullBehavior { get; init; }

    /// <summary>ECS_CONTAINER_INSTANCE_TAGS, parsed.</summary>
    public IReadOnlyDictionary<string, string> ContainerInstanceTags { get; init; } = new Dictionary<string, string>();

    /// <summary>ECS_CONTAINER_INSTANCE_PROPAGATE_TAGS_FROM=ec2_instance.</summary>
    public bool PropagateEc2InstanceTags { get; init; }

    /// <summary>Every KEY=VALUE line of the file, in order.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The agent's configuration for this user data, or the reason the agent would refuse to start
    /// (a malformed <c>ECS_CONTAINER_INSTANCE_TAGS</c>: not a JSON object of strings, e.g. with
    /// typographic quotes).
    /// </summary>
    public static (EcsAgentConfig? Config, string? Problem) FromUserData(string? base64UserData)
    {
        var script = Decode(base64UserData);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in ConfigLines(script))
        {
            var trimmed = line.Trim();
            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || equals <= 0)
            {
                continue;
            }

            variables[trimmed[..equals].Trim()] = Unquote(trimmed[(equals + 1)..].Trim());
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (variables.TryGetValue("ECS_CONTAINER_INSTANCE_TAGS", out var tagJson))
        {
            try
            {
                using var document = JsonDocument.Parse(tagJson);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return (null, "ECS_CONTAINER_INSTANCE_TAGS is not a JSON object");
                }

                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        return (null, $"ECS_CONTAINER_INSTANCE_TAGS value of '{property.Name}' is not a string");
                    }

                    tags[property.Name] = property.Value.GetString()!;
                }
            }
            catch (JsonException e)
            {
                return (null, $"ECS_CONTAINER_INSTANCE_TAGS is not valid JSON: {e.Message}");
            }
        }

        return (new EcsAgentConfig
        {
            Cluster = variables.TryGetValue("ECS_CLUSTER", out var cluster) && cluster.Length > 0 ? cluster : "default",
            ImagePullBehavior = variables.GetValueOrDefault("ECS_IMAGE_PULL_BEHAVIOR"),
            ContainerInstanceTags = tags,
            PropagateEc2InstanceTags = variables.GetValueOrDefault("ECS_CONTAINER_INSTANCE_PROPAGATE_TAGS_FROM") == "ec2_instance",
            Variables = variables,
        }, null);
    }

    private static string Decode(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return string.Empty;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }

    private static IEnumerable<string> ConfigLines(string script)
    {
        var lines = script.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!line.Contains(ConfigPath, StringComparison.Ordinal))
            {
                continue;
            }

            var heredoc = HereDocument().Match(line);
            if (heredoc.Success)
            {
                var stripTabs = heredoc.Groups["dash"].Success;
                var delimiter = heredoc.Groups["word"].Value.Replace("'", string.Empty, StringComparison.Ordinal).Replace("\"", string.Empty, StringComparison.Ordinal);
                for (i++; i < lines.Length; i++)
                {
                    var body = stripTabs ? lines[i].TrimStart('\t') : lines[i];
                    if (body == delimiter)
                    {
                        break;
                    }

                    yield return body;
                }

                continue;
            }

            var echo = Echo().Match(line);
            if (echo.Success)
            {
                yield return Unquote(echo.Groups["text"].Value.Trim());
            }
        }
    }

    // Only ASCII quotes are shell quotes; “typographic” ones stay part of the value.
    private static string Unquote(string value) =>
        value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\'')) ? value[1..^1] : value;

    [GeneratedRegex(@"<<(?<dash>-)?\s*(?<word>\S+)")]
    private static partial Regex HereDocument();

    [GeneratedRegex(@"^\s*echo\s+(?<text>.*?)\s*>>?\s*/etc/ecs/ecs\.config\s*$")]
    private static partial Regex Echo();
}
