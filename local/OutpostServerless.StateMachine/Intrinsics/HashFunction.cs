using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.Intrinsics;

/// <summary>States.Hash: the lowercase hex digest of the data with MD5, SHA-1, SHA-256, SHA-384 or SHA-512.</summary>
internal static class HashFunction
{
    private const int MaxInputCharacters = 10_000;

    public static JsonNode? Hash(IntrinsicInvocation call)
    {
        var data = JsonScalars.TryGetString(call[0], out var s) ? s : JsonText.Serialize(call[0]);
        if (data.Length > MaxInputCharacters)
        {
            throw call.Failure($"the data is longer than {MaxInputCharacters} characters");
        }

        var bytes = Encoding.UTF8.GetBytes(data);
#pragma warning disable CA5350, CA5351 // MD5 and SHA-1 are what the function offers; no security relies on them here.
        var digest = call.String(1, "the algorithm") switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            var other => throw call.Failure($"'{other}' is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"),
        };
#pragma warning restore CA5350, CA5351
        return JsonValue.Create(Convert.ToHexStringLower(digest));
    }
}
