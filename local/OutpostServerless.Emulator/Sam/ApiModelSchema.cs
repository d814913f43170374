using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.Sam;

/// <summary>
/// Translates a JSON Schema 2020-12 document (statemachine/request.schema.json, the one source of
/// truth for a request's shape) into the draft-04 dialect API Gateway models are written in, so the
/// template's <c>ProvisioningRequest</c> model can be checked against it. Keywords that mean the same in
/// both drafts pass unchanged; those spelled differently are rewritten (<c>const</c>, numeric
/// <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>, <c>$defs</c> and the <c>$ref</c>s into it); those
/// draft-04 cannot express are refused rather than silently dropped, which would weaken validation. One exception:
/// a <c>pattern</c> with Unicode property escapes (<c>\p{L}</c>) is left out, because ECMA-262 without the <c>u</c>
/// flag (how a draft-04 validator may read a model's patterns) takes <c>\p{L}</c> for the letters <c>p{L}</c> and
/// would refuse valid requests; the API function validates every body against the full schema and answers 400
/// naming the field, so such a value is still refused before anything starts.
/// </summary>
public static class ApiModelSchema
{
    public const string Draft04 = "http://json-schema.org/draft-04/schema#";

    private static readonly HashSet<string> Untranslatable = new(StringComparer.Ordinal)
    {
        "if", "then", "else", "dependentRequired", "dependentSchemas", "prefixItems", "unevaluatedProperties",
        "unevaluatedItems", "contains", "minContains", "maxContains", "propertyNames", "$anchor", "$dynamicRef", "$dynamicAnchor",
    };

    // Keywords whose value is one schema, a list of schemas, or a map of names to schemas.
    private static readonly HashSet<string> SchemaValued = new(StringComparer.Ordinal) { "items", "additionalProperties", "not", "additionalItems" };
    private static readonly HashSet<string> SchemaListValued = new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf" };
    private static readonly HashSet<string> SchemaMapValued = new(StringComparer.Ordinal) { "properties", "patternProperties", "$defs", "definitions" };

    /// <summary>The draft-04 model for <paramref name="schema"/>; the input is not changed.</summary>
    public static JsonObject FromJsonSchema(JsonObject schema)
    {
        return Translate(schema, "#", new JsonObject { ["$schema"] = Draft04 }, isRoot: true);
    }

    private static JsonObject Translate(JsonObject schema, string pointer, JsonObject? into = null, bool isRoot = false)
    {
        var result = into ?? [];
        foreach (var (keyword, value) in schema)
        {
            var at = $"{pointer}/{keyword}";
            if (Untranslatable.Contains(keyword))
            {
                throw new SchemaTranslationException(at, $"{keyword} has no draft-04 equivalent");
            }

            switch (keyword)
            {
                case "$schema":
                case "$id" when isRoot:
                    // Draft-04 spells the id "id"; API Gateway names models itself, so the root id is left out.
                    break;
                case "$id":
                    throw new SchemaTranslationException(at, "an embedded $id would change how draft-04 resolves $ref");
                case "pattern" when value is JsonValue regex && regex.TryGetValue<string>(out var text) && UsesUnicodeProperties(text):
                    break;
                case "const":
                    result["enum"] = new JsonArray(value?.DeepClone());
                    break;
                case "exclusiveMinimum" or "exclusiveMaximum" when value is JsonValue bound && bound.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                    // 2020-12: a number of its own; draft-04: a flag on minimum/maximum.
                    var inclusive = keyword == "exclusiveMinimum" ? "minimum" : "maximum";
                    if (schema[inclusive] is not null)
                    {
                        throw new SchemaTranslationException(at, $"both {inclusive} and {keyword} are given; draft-04 allows one bound");
                    }

                    result[inclusive] = bound.DeepClone();
                    result[keyword] = true;
                    break;
                case "$ref" when value is JsonValue reference && reference.TryGetValue<string>(out var target):
                    result["$ref"] = target.StartsWith("#/$defs/", StringComparison.Ordinal) ? "#/definitions/" + target["#/$defs/".Length..] : target;
                    break;
                case "items" when value is JsonArray:
                    throw new SchemaTranslationException(at, "an items array is not 2020-12 (use prefixItems)");
                case var _ when SchemaValued.Contains(keyword) && value is JsonObject subschema:
                    result[keyword] = Translate(subschema, at);
                    break;
                case var _ when SchemaListValued.Contains(keyword) && value is JsonArray list:
                    result[keyword] = new JsonArray([.. list.Select((item, i) => (JsonNode)Translate(item!.AsObject(), $"{at}/{i}"))]);
                    break;
                case var _ when SchemaMapValued.Contains(keyword) && value is JsonObject map:
                    var translated = new JsonObject();
                    foreach (var (name, subschema) in map)
                    {
                        translated[name] = Translate(subschema!.AsObject(), $"{at}/{name}");
                    }

                    result[keyword == "$defs" ? "definitions" : keyword] = translated;
                    break;
                default:
                    result[keyword] = value?.DeepClone();
                    break;
            }
        }

        return result;
    }

    private static bool UsesUnicodeProperties(string pattern) =>
        pattern.Contains(@"\p{", StringComparison.Ordinal) || pattern.Contains(@"\P{", StringComparison.Ordinal);
}
