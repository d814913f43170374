using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Sam;

namespace OutpostServerless.Local.WebConsole;

/// <summary>The example requests next to the template (statemachine/examples/*.json), which the console's start form offers.</summary>
public static class ConsoleExamples
{
    public static JsonArray Read(SamTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var folder = Path.Combine(template.Directory, "statemachine", "examples");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var examples = new JsonArray();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                examples.Add(new JsonObject { ["name"] = Path.GetFileNameWithoutExtension(file), ["request"] = JsonNode.Parse(File.ReadAllText(file)) });
            }
            catch (JsonException)
            {
                // A file that is not JSON is no example to offer.
            }
        }

        return examples;
    }
}
