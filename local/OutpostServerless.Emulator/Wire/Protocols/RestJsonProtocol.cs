using System.Text.Json;
using Amazon.Runtime;
using OutpostServerless.Emulator.Wire.Http;

namespace OutpostServerless.Emulator.Wire.Protocols;

/// <summary>restJson1: JSON bodies; an error's code travels in <c>x-amzn-ErrorType</c>, its members in the body.</summary>
internal static class RestJsonProtocol
{
    public static WireResponse Response(byte[] json, string requestId) =>
        new(200, "application/json", json) { Headers = WireHeaders.With((WireHeaders.RequestId, requestId)) };

    /// <summary>Status from the error, <c>x-amzn-ErrorType: Code</c>, body <c>{"Message":"…"}</c> (the error shapes' member).</summary>
    public static WireResponse Error(AmazonServiceException error, string requestId)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("Message", error.Message);
            json.WriteEndObject();
        }

        return new WireResponse(WireStatus.Of(error), "application/json", stream.ToArray())
        {
            Headers = WireHeaders.With((WireHeaders.RequestId, requestId), (WireHeaders.ErrorType, error.ErrorCode)),
        };
    }
}
