using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// A request value as it may appear inside an error message: JSON-written (so control characters show
/// as escapes, while letters of any script stay readable) and shortened, because the message becomes
/// a Step Functions Cause users read.
/// </summary>
public static class ValueText
{
    private const int MaxLength = 80;

    private static readonly JsonSerializerOptions Display = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = RequestJsonContext.Default,
    };

    public static string Of(JsonNode? value)
    {
        var json = value is null ? "null" : value.ToJsonString(Display);
        return json.Length > MaxLength ? json[..MaxLength] + "…" : json;
    }

    public static string Of(string value) => Of(JsonValue.Create(value));

    /// <summary>"a string", "a number", … for the JSON kind of <paramref name="value"/>.</summary>
    public static string KindOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        },
    };
}
