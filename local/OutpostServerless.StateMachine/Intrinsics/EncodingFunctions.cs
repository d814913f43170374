using System.Text;
using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine.Intrinsics;

/// <summary>States.Base64Encode and States.Base64Decode (UTF-8 text, at most 10,000 characters in).</summary>
internal static class EncodingFunctions
{
    private const int MaxInputCharacters = 10_000;

    public static JsonNode? Base64Encode(IntrinsicInvocation call)
    {
        var text = Limited(call, "the string");
        return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    public static JsonNode? Base64Decode(IntrinsicInvocation call)
    {
        var text = Limited(call, "the base64 data");
        try
        {
            return JsonValue.Create(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(text)));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw call.Failure("the argument is not valid base64-encoded UTF-8 text");
        }
    }

    private static string Limited(IntrinsicInvocation call, string what)
    {
        var text = call.String(0, what);
        return text.Length <= MaxInputCharacters
            ? text
            : throw call.Failure($"{what} is longer than {MaxInputCharacters} characters");
    }
}
