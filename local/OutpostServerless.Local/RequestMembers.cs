using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Emulator.Wire.Http;

namespace OutpostServerless.Local;

/// <summary>
/// The members of a JSON request body, read with the service's own validation: a body that is not a JSON
/// object is <c>SerializationException</c>; a missing required member, a member of the wrong type or out of range
/// is <c>ValidationException</c> in AWS's words (<c>1 validation error detected: Value null at 'executionArn' …</c>).
/// </summary>
internal sealed class RequestMembers
{
    private readonly JsonObject body;
    private readonly string service;

    private RequestMembers(JsonObject body, string service)
    {
        this.body = body;
        this.service = service;
    }

    public static RequestMembers Parse(ReadOnlyMemory<byte> json, string service)
    {
        try
        {
            return (json.IsEmpty ? new JsonObject() : JsonNode.Parse(json.Span)) is JsonObject body
                ? new RequestMembers(body, service)
                : throw new AwsServiceError(service, "SerializationException", "The request body must be a JSON object.", HttpStatusCode.BadRequest);
        }
        catch (JsonException malformed)
        {
            throw new AwsServiceError(service, "SerializationException", malformed.Message, HttpStatusCode.BadRequest);
        }
    }

    public static RequestMembers Parse(WireRequest request, string service) => Parse(request.Body, service);

    public JsonObject Body => body;

    public string Required(string name) => Optional(name) ?? throw Invalid("null", name, "Member must not be null");

    public string? Optional(string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        var other => throw Invalid(other.ToJsonString(), name, "Member must be a string"),
    };

    /// <summary>A structure member, read by the same rules (its errors name the inner member); null when absent.</summary>
    public RequestMembers? Structure(string name) => body[name] switch
    {
        null => null,
        JsonObject inner => new RequestMembers(inner, service),
        var other => throw Invalid(other.ToJsonString(), name, "Member must be a structure"),
    };

    public int? Integer(string name, int min, int max)
    {
        if (body[name] is null)
        {
            return null;
        }

        if (body[name] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue<int>(out var number))
        {
            throw Invalid(body[name]!.ToJsonString(), name, "Member must be an integer");
        }

        return number < min || number > max
            ? throw Invalid(number.ToString(System.Globalization.CultureInfo.InvariantCulture), name, $"Member must have value less than or equal to {max} and greater than or equal to {min}")
            : number;
    }

    public bool? Boolean(string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        var other => throw Invalid(other.ToJsonString(), name, "Member must be a boolean"),
    };

    /// <summary>A string member from <paramref name="allowed"/>, or null when absent.</summary>
    public string? OneOf(string name, params string[] allowed)
    {
        var value = Optional(name);
        return value is null || allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw Invalid($"'{value}'", name, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
    }

    private AwsServiceError Invalid(string value, string name, string constraint) =>
        new(service, "ValidationException", $"1 validation error detected: Value {value} at '{name}' failed to satisfy constraint: {constraint}", HttpStatusCode.BadRequest);
}
