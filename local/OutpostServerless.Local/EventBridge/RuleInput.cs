using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OutpostServerless.Emulator.EventBridge;
using OutpostServerless.Emulator.Sam;

namespace OutpostServerless.Local.EventBridge;

/// <summary>
/// What a rule's target receives for an event, as EventBridge makes it: the event itself, constant
/// <c>Input</c>, the part at <c>InputPath</c>, or an <c>InputTransformer</c>'s template filled with the
/// variables of <c>InputPathsMap</c> and the predefined <c>aws.events.*</c> ones. Values fill a template
/// as EventBridge fills them, unescaped: inside a JSON string a string goes in as its text, elsewhere in
/// quotes; other values go in as JSON. A variable whose path reaches nothing is not created and its
/// placeholder is left empty; a placeholder naming no variable stays as written.
/// </summary>
public static partial class RuleInput
{
    public static JsonNode? For(SamEventRule rule, JsonObject @event, DateTimeOffset ingestionTime)
    {
        var input = rule.Input;
        if (input.Input is { } constant)
        {
            return ParseJson(constant, "the rule's Input");
        }

        if (input.InputPath is { } path)
        {
            return EventPath.Parse(path).TrySelect(@event, out var selected) ? selected : null;
        }

        return input.InputTransformer is { } transformer
            ? Transform(transformer, rule, @event, ingestionTime)
            : @event.DeepClone();
    }

    private static JsonNode? Transform(SamInputTransformer transformer, SamEventRule rule, JsonObject @event, DateTimeOffset ingestionTime)
    {
        var variables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["aws.events.rule-arn"] = rule.RuleArn,
            ["aws.events.rule-name"] = rule.RuleName,
            ["aws.events.event.ingestion-time"] = ingestionTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["aws.events.event"] = WithoutDetail(@event),
            ["aws.events.event.json"] = @event.DeepClone(),
        };
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, path) in transformer.InputPathsMap)
        {
            if (name.StartsWith("aws.events.", StringComparison.Ordinal))
            {
                throw new RuleInputException($"InputPathsMap may not define {name}: aws.events.* variables are reserved");
            }

            if (EventPath.Parse(path).TrySelect(@event, out var value))
            {
                variables[name] = value;
            }
            else
            {
                missing.Add(name);
            }
        }

        var filled = Fill(transformer.InputTemplate, variables, missing);
        var trimmed = filled.TrimStart();
        return trimmed.StartsWith('{') || trimmed.StartsWith('[')
            ? ParseJson(filled, "the InputTransformer's output")
            : TextOutput(filled);
    }

    /// <summary>Fills each <c>&lt;name&gt;</c>, knowing whether it stands inside a JSON string literal.</summary>
    private static string Fill(string template, Dictionary<string, JsonNode?> variables, HashSet<string> missing)
    {
        var output = new StringBuilder();
        var inString = false;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            var placeholder = c == '<' ? Placeholder().Match(template, i) : null;
            if (placeholder is { Success: true } && (variables.ContainsKey(placeholder.Groups["name"].Value) || missing.Contains(placeholder.Groups["name"].Value)))
            {
                var name = placeholder.Groups["name"].Value;
                output.Append(missing.Contains(name) ? "" : Render(variables[name], inString));
                i += placeholder.Length - 1;
                continue;
            }

            if (c == '\\' && inString && i + 1 < template.Length)
            {
                output.Append(c).Append(template[++i]);
                continue;
            }

            if (c == '"')
            {
                inString = !inString;
            }

            output.Append(c);
        }

        return output.ToString();
    }

    private static string Render(JsonNode? value, bool inString) => value switch
    {
        JsonValue text when text.GetValueKind() == JsonValueKind.String => inString ? text.GetValue<string>() : $"\"{text.GetValue<string>()}\"",
        null => "null",
        _ => value.ToJsonString(),
    };

    private static JsonObject WithoutDetail(JsonObject @event)
    {
        var copy = @event.DeepClone().AsObject();
        copy.Remove("detail");
        return copy;
    }

    /// <summary>A text template (<c>"instance &lt;id&gt; is &lt;state&gt;"</c>) gives that text; lines of quoted strings join with newlines.</summary>
    private static JsonNode TextOutput(string filled)
    {
        var lines = filled.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join('\n', lines.Select(line => line.Length >= 2 && line[0] == '"' && line[^1] == '"' ? line[1..^1] : line));
    }

    private static JsonNode? ParseJson(string text, string what)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new RuleInputException($"{what} is not valid JSON, so EventBridge could not deliver it: {e.Message}");
        }
    }

    [GeneratedRegex(@"\G<(?<name>[A-Za-z0-9_.-]+)>")]
    private static partial Regex Placeholder();
}
