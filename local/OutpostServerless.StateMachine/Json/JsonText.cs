using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine.Json;

/// <summary>JSON text as Step Functions writes it: compact, and without HTML-safe escaping of &lt; &gt; &amp; '.</summary>
internal static class JsonText
{
    // Read-only after construction: options freeze on first use.
    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Serialize(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    /// <summary>Parses a complete JSON text; <c>null</c> for the literal null. Throws <see cref="JsonException"/>.</summary>
    public static JsonNode? Parse(string text) =>
        JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    /// <summary>
    /// The node itself when it can be placed inside another object or array, else a copy: a node belongs
    /// to one parent at most. The engine never changes a node once it is state data, so sharing one that
    /// has no parent yet is safe, and copying happens only where a value really moves.
    /// </summary>
    public static JsonNode? Adopt(JsonNode? node) => node is { Parent: not null } ? node.DeepClone() : node;

    /// <summary>An array of <paramref name="items"/>, each adopted as it is added (the same node twice becomes a node and a copy).</summary>
    public static JsonArray ArrayOf(IEnumerable<JsonNode?> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(Adopt(item));
        }

        return array;
    }
}
