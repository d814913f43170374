using YamlDotNet.RepresentationModel;

namespace OutpostServerless.Cli.Tests.Template;

/// <summary>template.yaml as raw YAML, for what the local reader has no need to model (runtimes, build metadata, alarms).</summary>
internal static class TemplateYaml
{
    public static YamlMappingNode Root { get; } = Load();

    public static YamlMappingNode Resources => (YamlMappingNode)Root.Children[new YamlScalarNode("Resources")];

    public static IEnumerable<(string LogicalId, YamlMappingNode Resource)> OfType(string type) =>
        Resources.Children
            .Where(r => Scalar(r.Value, "Type") == type)
            .Select(r => (((YamlScalarNode)r.Key).Value!, (YamlMappingNode)r.Value));

    public static YamlNode? At(YamlNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var key in path)
        {
            current = current is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
        }

        return current;
    }

    public static string? Scalar(YamlNode node, params string[] path) => (At(node, path) as YamlScalarNode)?.Value;

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(RepositoryFiles.Template);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
