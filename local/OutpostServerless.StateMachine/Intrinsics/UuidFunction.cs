using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine.Intrinsics;

/// <summary>States.UUID: a version 4 UUID, drawn from the execution's random source so seeded runs repeat.</summary>
internal static class UuidFunction
{
    public static JsonNode? Uuid(IntrinsicInvocation call) => JsonValue.Create(NewUuid(call.Random));

    public static string NewUuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return Convert.ToHexStringLower(bytes) switch
        {
            var h => $"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..]}",
        };
    }
}
