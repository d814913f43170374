using System.Globalization;
using System.Text.Json.Nodes;
using Json.Schema;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// Turns JsonSchema.Net's evaluation results into field errors a user can act on: the field as a
/// path, a reason that quotes what was written, and a fix taken from the keyword and the field's own
/// description in the schema. The subschema of a field is found by walking the schema along the
/// field's instance location (our schema has no <c>$ref</c>), which is sturdier than the evaluation
/// path JsonSchema.Net reports for array items.
/// </summary>
internal sealed class SchemaErrorTranslator(JsonObject schemaRoot)
{
    public IReadOnlyList<FieldError> Translate(EvaluationResults results, JsonNode? instance)
    {
        var errors = new List<FieldError>();
        foreach (var result in (IEnumerable<EvaluationResults>)[results, .. results.Details ?? []])
        {
            // oneOf branches fail by design; the oneOf is judged as a whole at its own node.
            if (result.IsValid || result.EvaluationPath.ToString().Contains("/oneOf/", StringComparison.Ordinal))
            {
                continue;
            }

            var segments = FieldPath.PointerSegments(result.InstanceLocation.ToString());
            var field = new Field(
                FieldPath.FromPointer(result.InstanceLocation.ToString(), instance),
                Navigate(instance, segments),
                Resolve(segments),
                segments.Count > 0 ? Resolve(segments.Take(segments.Count - 1)) : null,
                segments.Count > 0 ? segments[^1] : null);
            if (field.Schema?["oneOf"] is JsonArray branches)
            {
                TranslateOneOf(field, branches, errors);
            }

            foreach (var (keyword, message) in (result.Errors ?? new Dictionary<string, string>()).OrderBy(e => Priority(e.Key)))
            {
                Translate(field, keyword, message, errors);
            }
        }

        // Several keywords can fail on one value (too long and not matching the pattern); one error
        // per field, the most telling, reads better than a pile.
        return errors
            .Select((error, index) => (error, index))
            .GroupBy(e => e.error.Field, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(e => e.index)
            .Select(e => e.error)
            .ToList();
    }

    private static int Priority(string keyword) => keyword switch
    {
        "type" => 0,
        "required" or "" => 1,
        "enum" => 2,
        "minLength" or "maxLength" or "minItems" or "maxItems" or "minProperties" or "maxProperties" => 3,
        "minimum" or "maximum" => 4,
        _ => 5,
    };

    private static void Translate(Field field, string keyword, string message, List<FieldError> errors)
    {
        var schema = field.Schema;
        var value = field.Value;
        var at = field.Path.ToString();
        switch (keyword)
        {
            case "required" when schema is not null && value is JsonObject obj:
                foreach (var name in Strings(schema["required"]).Where(n => !obj.ContainsKey(n)))
                {
                    errors.Add(new FieldError(
                        field.Path.Member(name).ToString(),
                        "is required",
                        $"add {name}: {DescriptionOf(schema["properties"]?[name])}"));
                }

                break;
            case "" when field.Name is not null && schema is null:
                errors.Add(UnknownMember(field));
                break;
            case "type" when schema is not null:
                errors.Add(new FieldError(
                    at,
                    $"must be {TypePhrase(schema["type"])}, not {ValueText.KindOf(value)}",
                    $"write {TypePhrase(schema["type"])}: {DescriptionOf(schema)}"));
                break;
            case "enum" when schema is not null:
                var allowed = string.Join(", ", (schema["enum"]?.AsArray() ?? []).Select(ValueText.Of));
                errors.Add(new FieldError(at, $"{ValueText.Of(value)} is not one of {allowed}", $"write one of {allowed}"));
                break;
            case "pattern" when schema is not null:
                errors.Add(new FieldError(at, $"{ValueText.Of(value)} is not in the expected form", DescriptionOf(schema)));
                break;
            case "minimum" or "maximum" when schema is not null:
                var range = RangeOf(schema);
                errors.Add(new FieldError(at, $"{ValueText.Of(value)} is outside {range}", $"write a number from {range}"));
                break;
            case "minLength" or "maxLength" when schema is not null:
                var length = (JsonMember.AsString(value) ?? string.Empty).EnumerateRunes().Count();
                errors.Add(new FieldError(
                    at,
                    length == 0 ? "is empty" : string.Create(CultureInfo.InvariantCulture, $"is {length} characters long; {LengthLimit(schema, "minLength", "maxLength")} characters are allowed"),
                    DescriptionOf(schema)));
                break;
            case "minItems" or "maxItems" when schema is not null:
                errors.Add(new FieldError(
                    at,
                    $"has {(value as JsonArray)?.Count} items; {LengthLimit(schema, "minItems", "maxItems")} are allowed",
                    DescriptionOf(schema)));
                break;
            case "minProperties" or "maxProperties" when schema is not null:
                errors.Add(new FieldError(
                    at,
                    $"has {(value as JsonObject)?.Count} members; {LengthLimit(schema, "minProperties", "maxProperties")} are allowed",
                    DescriptionOf(schema)));
                break;
            default:
                errors.Add(new FieldError(at, message.TrimEnd('.'), DescriptionOf(schema)));
                break;
        }
    }

    /// <summary>Our oneOf only ever says "exactly one of these members" (network.vpcId / network.vpcCidr).</summary>
    private static void TranslateOneOf(Field field, JsonArray branches, List<FieldError> errors)
    {
        if (field.Value is not JsonObject obj)
        {
            return;
        }

        var options = branches
            .Select(b => (Names: Strings(b?["required"]).ToList(), Description: b?["description"]?.GetValue<string>() ?? string.Empty))
            .ToList();
        var given = options.Where(o => o.Names.Count > 0 && o.Names.All(obj.ContainsKey)).ToList();
        if (given.Count == 1 || options.Any(o => o.Names.Count == 0))
        {
            return;
        }

        var choice = string.Join(" or ", options.Select(o => $"{string.Join(" and ", o.Names)} ({Lower(o.Description)})"));
        if (given.Count == 0)
        {
            errors.Add(new FieldError(
                field.Path.Member(options[^1].Names[0]).ToString(),
                $"is required when {string.Join(" and ", options.SkipLast(1).SelectMany(o => o.Names))} is not given",
                $"add {choice}"));
        }
        else
        {
            errors.Add(new FieldError(
                field.Path.Member(given[^1].Names[0]).ToString(),
                $"cannot be given together with {given[0].Names[0]}",
                $"keep only one: {choice}"));
        }
    }

    private static FieldError UnknownMember(Field field)
    {
        var name = field.Name!;
        var known = (field.ParentSchema?["properties"] as JsonObject)?.Select(p => p.Key).ToList() ?? [];
        var parent = field.ParentSchema is null ? "this object" : ParentName(field.Path);
        var suggestion = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) is { } sameLetters
            ? $"rename it to {sameLetters} (member names are case-sensitive)"
            : known.FirstOrDefault(k => name.Length < 64 && EditDistance(k, name) <= 2) is { } close
                ? $"rename it to {close} if that is what you meant, or remove it"
                : "remove it";
        return new FieldError(
            field.Path.ToString(),
            $"is not a member of {parent}",
            known.Count > 0 ? $"{suggestion}; the members of {parent} are {string.Join(", ", known)}" : suggestion);
    }

    private static string ParentName(FieldPath path)
    {
        var text = path.ToString();
        var cut = Math.Max(text.LastIndexOf('.'), text.LastIndexOf('['));
        return cut <= 0 ? "the request" : text[..cut];
    }

    private static JsonNode? Navigate(JsonNode? node, IReadOnlyList<string> segments)
    {
        foreach (var segment in segments)
        {
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray array when int.TryParse(segment, out var i) && i >= 0 && i < array.Count => array[i],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>The subschema that applies at an instance location, or null where none does (additionalProperties: false).</summary>
    private JsonObject? Resolve(IEnumerable<string> segments)
    {
        JsonObject? schema = schemaRoot;
        foreach (var segment in segments)
        {
            if (schema is null)
            {
                return null;
            }

            schema = schema["properties"] is JsonObject properties && properties[segment] is JsonObject property
                ? property
                : Strings(schema["type"]).Contains("array")
                    ? schema["items"] as JsonObject
                    : schema["additionalProperties"] as JsonObject;
        }

        return schema;
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(JsonMember.AsString).OfType<string>(),
        _ when JsonMember.AsString(node) is { } single => [single],
        _ => [],
    };

    private static string DescriptionOf(JsonNode? schema) =>
        JsonMember.AsString(schema?["description"]) ?? "see statemachine/request.schema.json";

    private static string TypePhrase(JsonNode? type) => string.Join(" or ", Strings(type).Select(t => t switch
    {
        "string" => "a string",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "object" => "an object ({…})",
        "array" => "an array ([…])",
        _ => t,
    }));

    private static string RangeOf(JsonObject schema) =>
        $"{schema["minimum"]?.ToJsonString() ?? "any"} to {schema["maximum"]?.ToJsonString() ?? "any"}";

    private static string LengthLimit(JsonObject schema, string min, string max) => (schema[min], schema[max]) switch
    {
        ({ } low, { } high) => $"{low.ToJsonString()} to {high.ToJsonString()}",
        ({ } low, null) => $"at least {low.ToJsonString()}",
        (null, { } high) => $"at most {high.ToJsonString()}",
        _ => "any number of",
    };

    private static string Lower(string sentence) =>
        sentence.Length == 0 ? sentence : char.ToLowerInvariant(sentence[0]) + sentence[1..].TrimEnd('.');

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    /// <summary>One failing instance location: its path, value, subschema, and its parent's subschema and member name.</summary>
    private sealed record Field(FieldPath Path, JsonNode? Value, JsonObject? Schema, JsonObject? ParentSchema, string? Name);
}
