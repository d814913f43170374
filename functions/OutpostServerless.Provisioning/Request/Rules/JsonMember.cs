using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// Reads members of the untrusted request without ever throwing: a member of the wrong JSON type reads
/// as absent, because the schema layer already reports the wrong type with a better message.
/// </summary>
internal static class JsonMember
{
    public static bool Has(JsonObject? parent, string name) =>
        parent is not null && parent.ContainsKey(name);

    public static JsonNode? Node(JsonObject? parent, string name) =>
        parent is not null && parent.TryGetPropertyValue(name, out var node) ? node : null;

    public static JsonObject? Object(JsonObject? parent, string name) => Node(parent, name) as JsonObject;

    public static JsonArray? Array(JsonObject? parent, string name) => Node(parent, name) as JsonArray;

    public static string? String(JsonObject? parent, string name) => AsString(Node(parent, name));

    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool? Bool(JsonObject? parent, string name) =>
        Node(parent, name) is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : null;

    /// <summary>
    /// A whole number. JSON Schema's "integer" also accepts 2.0 and 1e2, which the typed request cannot
    /// hold, so such a number is reported here with the plain form to write.
    /// </summary>
    public static int? Int(JsonObject? parent, string name, FieldPath path, ICollection<FieldError> errors)
    {
        if (Node(parent, name) is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        if (value.TryGetValue<int>(out var whole))
        {
            return whole;
        }

        if (value.TryGetValue<double>(out var number) && double.IsInteger(number) && number is >= int.MinValue and <= int.MaxValue)
        {
            errors.Add(new FieldError(
                path.Member(name).ToString(),
                $"is written {ValueText.Of(value)}, which is not a plain whole number",
                $"write {(int)number} (digits only, no decimal point or exponent)"));
        }

        return null;
    }
}
