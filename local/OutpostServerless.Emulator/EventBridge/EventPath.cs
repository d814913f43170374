using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutpostServerless.Emulator.EventBridge;

/// <summary>
/// The JSONPath EventBridge takes in <c>InputPath</c> and <c>InputPathsMap</c>: <c>$</c> followed by
/// <c>.name</c> (letters, digits, dashes, underscores, slashes), <c>[index]</c> and the wildcards
/// <c>.*</c> / <c>[*]</c>, which gather what they reach into a list.
/// </summary>
public sealed partial class EventPath
{
    private readonly IReadOnlyList<string> segments;
    private readonly bool gathers;

    private EventPath(IReadOnlyList<string> segments)
    {
        this.segments = segments;
        gathers = segments.Contains("*");
    }

    public static EventPath Parse(string text)
    {
        var match = Syntax().Match(text);
        if (!match.Success)
        {
            throw new RuleInputException($"'{text}' is not a JSONPath EventBridge takes ($, .name, [index], .* or [*])");
        }

        return new EventPath([.. match.Groups["segment"].Captures.Select(c => c.Value.TrimStart('.').Trim('[', ']'))]);
    }

    /// <summary>What the path reaches in <paramref name="event"/>; false when it reaches nothing.</summary>
    public bool TrySelect(JsonNode? @event, out JsonNode? selected)
    {
        var reached = Walk([@event], 0).ToList();
        selected = gathers ? new JsonArray([.. reached.Select(r => r?.DeepClone())]) : reached.FirstOrDefault()?.DeepClone();
        return gathers || reached.Count > 0;
    }

    private IEnumerable<JsonNode?> Walk(IEnumerable<JsonNode?> nodes, int depth)
    {
        if (depth == segments.Count)
        {
            return nodes;
        }

        var segment = segments[depth];
        var next = nodes.SelectMany(node => (node, segment) switch
        {
            (JsonObject obj, "*") => obj.Select(member => member.Value),
            (JsonArray array, "*") => array,
            (JsonArray array, _) when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) =>
                index < array.Count ? [array[index]] : [],
            (JsonObject obj, _) when obj.TryGetPropertyValue(segment, out var child) => [child],
            _ => Enumerable.Empty<JsonNode?>(),
        });
        return Walk(next.ToList(), depth + 1);
    }

    [GeneratedRegex(@"^\$(?<segment>\.[A-Za-z0-9_/-]+|\.\*|\[[0-9]+\]|\[\*\])*$")]
    private static partial Regex Syntax();
}
