using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutpostServerless.Aws.Protocols;

/// <summary>Writes an <see cref="IWireValue{TSelf}"/> as its string and reads it back (source-generation friendly: no reflection).</summary>
public sealed class WireValueConverter<T> : JsonConverter<T> where T : IWireValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? T.From(reader.GetString()!)
            : throw new JsonException($"Expected a string for {typeof(T).Name}, got {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
