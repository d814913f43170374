using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.EventBridge;

/// <summary>
/// One level of a pattern: the fields it names (all must match) and its <c>$or</c> groups (one
/// alternative of each must match). <c>$or</c> is read as Event Ruler reads it: an array of at least two
/// objects; anything else named <c>$or</c> is an ordinary field.
/// </summary>
internal sealed class ObjectPattern(IReadOnlyList<FieldCondition> fields, IReadOnlyList<IReadOnlyList<ObjectPattern>> alternatives)
{
    private const string Or = "$or";

    public static ObjectPattern Parse(JsonObject pattern, string path)
    {
        var fields = new List<FieldCondition>();
        var alternatives = new List<IReadOnlyList<ObjectPattern>>();
        foreach (var (name, value) in pattern)
        {
            var at = path.Length == 0 ? name : $"{path}.{name}";
            if (name == Or && value is JsonArray { Count: >= 2 } options && options.All(o => o is JsonObject { Count: > 0 }))
            {
                alternatives.Add([.. options.Select((o, i) => Parse(o!.AsObject(), $"{at}[{i}]"))]);
                continue;
            }

            fields.Add(value switch
            {
                JsonObject { Count: 0 } => throw new EventPatternException(at, "an empty object matches nothing"),
                JsonObject nested => new NestedField(name, Parse(nested, at)),
                JsonArray { Count: 0 } => throw new EventPatternException(at, "an empty array matches nothing"),
                JsonArray matchers => new LeafField(name, [.. matchers.Select((m, i) => ValueMatcher.Parse(m, $"{at}[{i}]"))]),
                _ => throw new EventPatternException(at, "a field's value must be an array of matchers or an object of fields"),
            });
        }

        return new ObjectPattern(fields, alternatives);
    }

    /// <summary><paramref name="node"/> is null when the event has no object here: only absence matchers can match.</summary>
    public bool Matches(JsonObject? node) =>
        fields.All(field => field.Matches(node)) && alternatives.All(group => group.Any(option => option.Matches(node)));
}
