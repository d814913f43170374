using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine.Json;

/// <summary>
/// The size of a value as compact JSON text in UTF-8, counted without writing the text, for AWS's
/// payload quota. Strings read from input count as they were written there (escapes included).
/// </summary>
internal static class JsonSize
{
    /// <summary>True when the JSON text of <paramref name="node"/> is longer than <paramref name="limit"/> bytes; stops counting there.</summary>
    public static bool Exceeds(JsonNode? node, long limit)
    {
        var total = 0L;
        return !Add(node, ref total, limit);
    }

    // False as soon as the running total passes the limit.
    private static bool Add(JsonNode? node, ref long total, long limit)
    {
        switch (node)
        {
            case null:
                total += 4;
                break;

            case JsonObject obj:
                total += obj.Count == 0 ? 2 : 1 + obj.Count;
                for (var i = 0; i < obj.Count; i++)
                {
                    var (key, value) = obj.GetAt(i);
                    total += StringBytes(key) + 1;
                    if (total > limit || !Add(value, ref total, limit))
                    {
                        return false;
                    }
                }

                break;

            case JsonArray array:
                total += array.Count == 0 ? 2 : 1 + array.Count;
                for (var i = 0; i < array.Count; i++)
                {
                    if (total > limit || !Add(array[i], ref total, limit))
                    {
                        return false;
                    }
                }

                break;

            case JsonValue value:
                total += ValueBytes(value);
                break;
        }

        return total <= limit;
    }

    private static long ValueBytes(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return JsonMarshal.GetRawUtf8Value(element).Length;
        }

        if (value.TryGetValue<string>(out var text))
        {
            return StringBytes(text);
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.Null => 4,
            JsonValueKind.False => 5,
            _ => JsonText.Serialize(value).Length,
        };
    }

    /// <summary>A string with its quotes, escaped as <see cref="JsonText"/> writes it (non-ASCII stays as UTF-8).</summary>
    private static long StringBytes(string text)
    {
        long bytes = 2;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            bytes += c switch
            {
                '"' or '\\' or '\n' or '\r' or '\t' or '\b' or '\f' => 2,
                < ' ' => 6,
                < (char)0x80 => 1,
                < (char)0x800 => 2,
                _ when char.IsHighSurrogate(c) => 2, // the pair is 4 bytes; its low half adds the other 2
                _ when char.IsLowSurrogate(c) => 2,
                _ => 3,
            };
        }

        return bytes;
    }
}
