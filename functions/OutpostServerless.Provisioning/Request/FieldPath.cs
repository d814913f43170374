using System.Text.Json.Nodes;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// Where a field sits in the request, written the way users write it: <c>network.ingress[1].cidr</c>;
/// <c>$</c> is the request itself. Member names that are not plain words (tag keys with spaces, unknown
/// members with control characters) are written <c>["…"]</c>, JSON-escaped and shortened, so a path
/// is always one printable line.
/// </summary>
public sealed record FieldPath
{
    private const int MaxNameLength = 64;

    private readonly string text;

    private FieldPath(string text) => this.text = text;

    public static FieldPath Root { get; } = new("$");

    public bool IsRoot => text == "$";

    public FieldPath Member(string name)
    {
        if (IsPlainName(name))
        {
            return new FieldPath(IsRoot ? name : $"{text}.{name}");
        }

        var quoted = $"[{Quote(name)}]";
        return new FieldPath(IsRoot ? $"${quoted}" : text + quoted);
    }

    public FieldPath Index(int index) => new($"{text}[{index}]");

    /// <summary>
    /// The path of an RFC 6901 JSON pointer (<c>/network/ingress/1/cidr</c>) into <paramref name="instance"/>:
    /// the instance tells array indexes from member names that happen to be digits.
    /// </summary>
    public static FieldPath FromPointer(string pointer, JsonNode? instance)
    {
        var path = Root;
        var node = instance;
        foreach (var segment in PointerSegments(pointer))
        {
            if (node is JsonArray array && int.TryParse(segment, out var index) && index >= 0 && index < array.Count)
            {
                path = path.Index(index);
                node = array[index];
            }
            else
            {
                path = path.Member(segment);
                node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
            }
        }

        return path;
    }

    public static IReadOnlyList<string> PointerSegments(string pointer) =>
        string.IsNullOrEmpty(pointer)
            ? []
            : pointer.TrimStart('/').Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();

    public override string ToString() => text;

    private static bool IsPlainName(string name) =>
        name.Length is > 0 and <= MaxNameLength
        && char.IsAsciiLetter(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static string Quote(string name)
    {
        var shown = name.Length > MaxNameLength ? name[..MaxNameLength] + "…" : name;
        return ValueText.Of(shown);
    }
}
