using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.EventBridge;

/// <summary>
/// An EventBridge event pattern, checked as EventBridge checks it when a rule is made and matched as
/// EventBridge (its Event Ruler) matches: every field named in the pattern must match (and), a field
/// matches when any of its values matches any of the pattern's matchers (or), nested objects nest,
/// <c>$or</c> takes alternatives, and an array in the event matches when any element does.
/// Matchers: exact values (strings, numbers compared as numbers, true, false, null), <c>prefix</c>,
/// <c>suffix</c> and <c>equals-ignore-case</c> (also inside prefix and suffix), <c>wildcard</c>,
/// <c>anything-but</c> (a value, a list, or a prefix, suffix, equals-ignore-case or wildcard),
/// <c>numeric</c> ranges, <c>exists</c> and <c>cidr</c>.
/// </summary>
public sealed class EventPattern
{
    private readonly ObjectPattern root;

    private EventPattern(ObjectPattern root) => this.root = root;

    /// <summary>Reads and checks a pattern; throws <see cref="EventPatternException"/> naming the field that is wrong.</summary>
    public static EventPattern Parse(JsonNode? pattern) => pattern is JsonObject { Count: > 0 } members
        ? new EventPattern(ObjectPattern.Parse(members, ""))
        : throw new EventPatternException("", "a pattern is a JSON object with at least one field");

    public static EventPattern Parse(string json)
    {
        try
        {
            return Parse(JsonNode.Parse(json));
        }
        catch (JsonException e)
        {
            throw new EventPatternException("", $"not JSON ({e.Message})");
        }
    }

    /// <summary>True when <paramref name="event"/> (an event as EventBridge delivers it) matches.</summary>
    public bool Matches(JsonNode? @event) => root.Matches(@event as JsonObject);
}
