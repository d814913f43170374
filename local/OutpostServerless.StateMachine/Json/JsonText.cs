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
}
