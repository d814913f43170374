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
    private JsonPath(string text, bool isContextPath, IReadOnlyList<PathSegment> segments, string? variableName = null)
    {
        Text = text;
        IsContextPath = isContextPath;
        VariableName = variableName;
        Segments = segments;
        IsDefinite = segments.All(s => s.IsDefinite);
    }

    public string Text { get; }

    public bool IsContextPath { get; }

    /// <summary>For <c>$name.field</c>, a path into the workflow variable <c>name</c>; null for input and context paths.</summary>
    public string? VariableName { get; }

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

        if (text.Length > 1 && IsNameStart(text[1]))
        {
            var end = 2;
            while (end < text.Length && IsNamePart(text[end]))
            {
                end++;
            }

            return new JsonPath(text, isContextPath: false, new JsonPathParser(text, end).ParseSegments(), text[1..end]);
        }

        return new JsonPath(text, isContextPath: false, new JsonPathParser(text, 1).ParseSegments());
    }

    /// <summary>Variable names follow Unicode ID_Start / ID_Continue (AWS "Passing data between states with variables").</summary>
    public static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    public static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
        or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.ConnectorPunctuation;

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
    /// there) — the node itself, to be read or adopted (<see cref="JsonText.Adopt"/>), never changed; an
    /// indefinite one always succeeds with a new array of copies of the matches.
    /// </summary>
    public bool TrySelect(JsonNode? root, out JsonNode? value)
    {
        if (IsDefinite)
        {
            return TrySelectDefinite(root, out value);
        }

        value = new JsonArray(SelectAll(root).Select(JsonText.Clone).ToArray());
        return true;
    }

    /// <summary>
    /// True when this definite path ends in an index past the end of the array its other steps select.
    /// A payload template binding then yields null on AWS (Jayway), where other path uses fail.
    /// </summary>
    public bool EndsPastAnArray(JsonNode? root)
    {
        if (!IsDefinite || Segments.Count == 0 || Segments[^1] is not IndexSegment)
        {
            return false;
        }

        var node = root;
        for (var i = 0; i < Segments.Count - 1; i++)
        {
            var next = new List<JsonNode?>(1);
            Segments[i].Select(node, next);
            if (next.Count != 1)
            {
                return false;
            }

            node = next[0];
        }

        return node is JsonArray;
    }

    // The common case, walked directly: names and single indexes, one value or none.
    private bool TrySelectDefinite(JsonNode? root, out JsonNode? value)
    {
        var node = root;
        foreach (var segment in Segments)
        {
            switch (segment, node)
            {
                case (PropertySegment property, JsonObject obj):
                    if (!obj.TryGetPropertyValue(property.Names[0], out node))
                    {
                        value = null;
                        return false;
                    }

                    break;

                case (IndexSegment index, JsonArray array):
                    var at = index.Indexes[0] < 0 ? array.Count + index.Indexes[0] : index.Indexes[0];
                    if (at < 0 || at >= array.Count)
                    {
                        value = null;
                        return false;
                    }

                    node = array[at];
                    break;

                default:
                    value = null;
                    return false;
            }
        }

        value = node;
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
                        obj[name] = JsonText.Adopt(value);
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
                        arr[at] = JsonText.Adopt(value);
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
