using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Protocols.Json;
using OutpostServerless.Emulator.Wire.Http;

namespace OutpostServerless.Emulator.Wire.Protocols;

/// <summary>JSON request and response bodies through source-generated type information.</summary>
internal static class JsonBody
{
    /// <summary>
    /// The body as <typeparamref name="T"/>; an empty body is <c>{}</c>. A body that is not JSON of the
    /// operation's shape is <c>SerializationException</c>, as the JSON services answer it.
    /// </summary>
    /// <remarks>
    /// A list member the client left out (or sent as null) is filled with <c>[]</c> first
    /// (<see cref="AbsentListsAsEmpty"/>): the port sees what an in-process caller would have sent.
    /// <paramref name="complete"/> fills other defaults a front-end knows of.
    /// </remarks>
    public static T Read<T>(WireRequest request, JsonTypeInfo<T> type, string service, Action<JsonObject>? complete = null)
    {
        try
        {
            var node = request.Body.IsEmpty ? new JsonObject() : JsonNode.Parse(request.Body.Span);
            if (node is not JsonObject body)
            {
                throw new AwsServiceError(service, "SerializationException", "The request body must be a JSON object.", HttpStatusCode.BadRequest);
            }

            AbsentListsAsEmpty.Fill(body, type);
            complete?.Invoke(body);
            return body.Deserialize(type)
                ?? throw new AwsServiceError(service, "SerializationException", "The request body is null, not a JSON object.", HttpStatusCode.BadRequest);
        }
        catch (JsonException malformed)
        {
            throw new AwsServiceError(service, "SerializationException", malformed.Message, HttpStatusCode.BadRequest);
        }
    }

    public static byte[] Write<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);
}
