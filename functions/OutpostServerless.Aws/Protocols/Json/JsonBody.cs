using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Http;

namespace OutpostServerless.Aws.Protocols.Json;

/// <summary>
/// Reads a JSON output document; an empty body is an empty object (operations with no output members),
/// and a list member left out is an empty list (<see cref="AbsentListsAsEmpty"/>).
/// </summary>
public static class JsonBody
{
    public static T Read<T>(AwsService service, string operation, byte[] body, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            var document = JsonNode.Parse(body.Length == 0 ? "{}"u8 : body);
            if (document is JsonObject members)
            {
                AbsentListsAsEmpty.Fill(members, type);
            }

            return document.Deserialize(type)
                ?? throw new AwsResponseFormatException(service.SigningName, operation, "the body is JSON null");
        }
        catch (JsonException ex)
        {
            throw new AwsResponseFormatException(service.SigningName, operation, ex.Message, ex);
        }
    }

    /// <summary>Options for a service's source-generated context that also leave empty lists out of requests.</summary>
    public static JsonSerializerOptions OptionsFor(JsonSerializerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new JsonSerializerOptions(context.Options)
        {
            TypeInfoResolver = ((IJsonTypeInfoResolver)context).WithAddedModifier(OmitEmptyCollections.Modify),
        };
    }
}
