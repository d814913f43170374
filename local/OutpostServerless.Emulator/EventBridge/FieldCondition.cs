using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.EventBridge;

/// <summary>What the pattern asks of one field of the event.</summary>
internal abstract class FieldCondition(string name)
{
    public string Name { get; } = name;

    public abstract bool Matches(JsonObject? parent);

    protected JsonNode? ValueIn(JsonObject? parent, out bool present)
    {
        present = parent is not null && parent.TryGetPropertyValue(Name, out _);
        return present ? parent![Name] : null;
    }
}

/// <summary>A field whose pattern is an object: the event's value must be an object (or an array holding one) that matches.</summary>
internal sealed class NestedField(string name, ObjectPattern pattern) : FieldCondition(name)
{
    public override bool Matches(JsonObject? parent) => ValueIn(parent, out _) switch
    {
        JsonObject child => pattern.Matches(child),
        // Each element on its own, so two fields never match in different elements (array consistency).
        JsonArray elements when elements.OfType<JsonObject>().Any() => elements.OfType<JsonObject>().Any(pattern.Matches),
        _ => pattern.Matches(null),
    };
}

/// <summary>
/// A field whose pattern is a list of matchers. The event's values are its value, or the values in its
/// array (nested arrays flattened); an object is not a leaf value, so it only satisfies <c>exists: false</c>.
/// </summary>
internal sealed class LeafField(string name, IReadOnlyList<ValueMatcher> matchers) : FieldCondition(name)
{
    public override bool Matches(JsonObject? parent)
    {
        var node = ValueIn(parent, out var present);
        var values = present ? LeafValues(node).ToList() : [];
        var exists = present && (node is not JsonArray and not JsonObject || values.Count > 0);
        return matchers.Any(matcher => matcher is ExistsMatcher existence
            ? existence.ShouldExist == exists
            : values.Any(matcher.Matches));
    }

    private static IEnumerable<JsonValue?> LeafValues(JsonNode? node) => node switch
    {
        null => [null],
        JsonValue value => [value],
        JsonArray array => array.SelectMany(item => item is JsonObject ? [] : LeafValues(item)),
        _ => [],
    };
}
