using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Tests.Differential;

/// <summary>
/// statemachine/differential: each <c>NAME.asl.json</c> definition with the inputs in <c>NAME.inputs.json</c>
/// (a JSON array; one execution per element), and <c>known-differences.json</c>.
/// </summary>
internal static class DifferentialCorpus
{
    public static string Folder { get; } = Path.Combine(RepositoryFiles.Root, "statemachine", "differential");

    public static IReadOnlyList<DifferentialCase> Cases { get; } = Load();

    public static IReadOnlyList<KnownDifference> KnownDifferences { get; } = LoadKnownDifferences();

    private static List<DifferentialCase> Load()
    {
        var cases = new List<DifferentialCase>();
        foreach (var file in Directory.GetFiles(Folder, "*.asl.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file)[..^".asl.json".Length];
            var inputs = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name + ".inputs.json")))!.AsArray();
            var definition = File.ReadAllText(file);
            cases.AddRange(inputs.Select((input, index) => new DifferentialCase(name, index, definition, input?.DeepClone())));
        }

        return cases;
    }

    private static List<KnownDifference> LoadKnownDifferences()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "known-differences.json")))!;
        return root["differences"]!.AsArray().Select(entry => new KnownDifference(
            entry!["case"]!.GetValue<string>(),
            entry["input"]!.GetValue<int>(),
            entry["fields"]!.AsArray().Select(f => f!.GetValue<string>()).ToList(),
            entry["reason"]!.GetValue<string>(),
            entry["aws"]!.GetValue<string>())).ToList();
    }
}
