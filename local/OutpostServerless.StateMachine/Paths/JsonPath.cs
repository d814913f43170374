using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.Paths;

/// <summary>
/// A JSONPath as Step Functions evaluates it (Jayway semantics): <c>$</c>, <c>.name</c>, <c>['name']</c>,
/// <c>[n]</c>, <c>[*]</c>, <c>[a:b]</c>, unions, <c>..</c> and simple filters. A path starting with <c>$$</c>
/// addresses the context object. A definite path (names and single indexes only) selects one value or
/// fails; any other path selects an array of every match, possibly empty.
/// </summary>
internal sealed class JsonPath
{
    private JsonPath(string text, bool isContextPath, IReadOnlyList<PathSegment> segments)
    {
        Text = text;
        IsContextPath = isContextPath;
        Segments = segments;
        IsDefinite = segments.All(s => s.IsDefinite);
    }

    public string Text { get; }

    public bool IsContextPath { get; }

    public IReadOnlyList<PathSegment> Segments { get; }

    public bool IsDefinite { get; }

    /// <summary>A Reference Path (spec): definite, so it names exactly one place; ResultPath and *Path fields need one.</summary>
    public bool IsReferencePath => IsDefinite;

    public bool IsRoot => Segments.Count == 0;

    public override string ToString() => Text;

    public static JsonPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("$$", StringComparison.Ordinal))
        {
            return new JsonPath(text, isContextPath: true, new JsonPathParser(text, 2).ParseSegments());
        }

        if (!text.StartsWith('$'))
        {
            throw new JsonPathSyntaxException(text, "a path must start with '$'");
        }

        return new JsonPath(text, isContextPath: false, new JsonPathParser(text, 1).ParseSegments());
    }

    public static bool TryParse(string text, out JsonPath? path, out string? problem)
    {
        try
        {
            path = Parse(text);
            problem = null;
            return true;
        }
        catch (JsonPathSyntaxException e)
        {
            path = null;
            problem = e.Message;
            return false;
        }
    }

    /// <summary>
    /// Selects from <paramref name="root"/>. A definite path yields its value (false when nothing is
    /// there); an indefinite one always succeeds with an array of the matches. Values are copies.
    /// </summary>
    public bool TrySelect(JsonNode? root, out JsonNode? value)
    {
        var matches = SelectAll(root);
        if (IsDefinite)
        {
            value = matches.Count == 1 ? JsonText.Clone(matches[0]) : null;
            return matches.Count == 1;
        }

        value = new JsonArray(matches.Select(JsonText.Clone).ToArray());
        return true;
    }

    /// <summary>The matched nodes themselves (not copies), in document order.</summary>
    public IReadOnlyList<JsonNode?> SelectAll(JsonNode? root)
    {
        var current = new List<JsonNode?> { root };
        foreach (var segment in Segments)
        {
            var next = new List<JsonNode?>();
            foreach (var node in current)
            {
                segment.Select(node, next);
            }

            current = next;
            if (current.Count == 0)
            {
                break;
            }
        }

        return current;
    }

    /// <summary>
    /// Writes <paramref name="value"/> at this reference path inside <paramref name="root"/> (which it
    /// mutates), creating missing intermediate objects, and returns the new root. False when the path
    /// cannot be applied, e.g. a name on a string or an index past the end of an array.
    /// </summary>
    public bool TrySet(JsonNode? root, JsonNode? value, out JsonNode? result)
    {
        result = root;
        if (IsRoot)
        {
            result = value;
            return true;
        }

        if (!IsReferencePath)
        {
            return false;
        }

        var node = root;
        for (var i = 0; i < Segments.Count; i++)
        {
            var last = i == Segments.Count - 1;
            switch (Segments[i], node)
            {
                case (PropertySegment property, JsonObject obj):
                    var name = property.Names[0];
                    if (last)
                    {
                        obj[name] = value;
                        return true;
                    }

                    obj.TryGetPropertyValue(name, out var child);
                    if (child is null)
                    {
                        child = new JsonObject();
                        obj[name] = child;
                    }

                    node = child;
                    break;

                case (IndexSegment index, JsonArray arr):
                    var at = index.Indexes[0] < 0 ? arr.Count + index.Indexes[0] : index.Indexes[0];
                    if (at < 0 || at >= arr.Count)
                    {
                        return false;
                    }

                    if (last)
                    {
                        arr[at] = value;
                        return true;
                    }

                    node = arr[at];
                    break;

                default:
                    return false;
            }
        }

        return false;
    }
}
