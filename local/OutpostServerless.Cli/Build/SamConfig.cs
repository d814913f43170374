using OutpostServerless.Emulator.Sam;
using Tomlyn;
using Tomlyn.Model;

namespace OutpostServerless.Cli.Build;

/// <summary>
/// The deploy parameters of one environment of a <c>samconfig.toml</c>, as <c>sam deploy --config-env</c> reads
/// them: <c>[env.deploy.parameters] parameter_overrides</c>, else <c>[env.global.parameters]</c>'s.
/// </summary>
public static class SamConfig
{
    private static readonly string[] SectionsRead = ["deploy", "global"];

    public static IReadOnlyDictionary<string, string> DeployParameterOverrides(string path, string environment)
    {
        TomlTable document;
        try
        {
            document = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(path))!;
        }
        catch (TomlException unreadable)
        {
            throw new SamTemplateException(path, $"is not TOML: {unreadable.Message}");
        }

        if (!document.TryGetValue(environment, out var section) || section is not TomlTable commands)
        {
            throw new SamTemplateException(path, $"has no [{environment}.…] environment; pass --config-env with one of {string.Join(", ", document.Keys.Where(key => document[key] is TomlTable))}");
        }

        var overrides = SectionsRead
            .Select(command => commands.TryGetValue(command, out var table) && table is TomlTable c && c.TryGetValue("parameters", out var p) && p is TomlTable parameters
                && parameters.TryGetValue("parameter_overrides", out var value) ? value : null)
            .FirstOrDefault(value => value is not null);
        return overrides switch
        {
            null => new Dictionary<string, string>(),
            string line => ParameterOverrides.Parse(ParameterOverrides.Split(line)),
            TomlArray items => ParameterOverrides.Parse(items.Select(item => item?.ToString() ?? "")),
            _ => throw new SamTemplateException(path, $"[{environment}.deploy.parameters] parameter_overrides is neither a string nor a list"),
        };
    }
}
