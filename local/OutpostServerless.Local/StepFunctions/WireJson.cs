using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutpostServerless.Local.StepFunctions;

/// <summary>JSON text as AWS services write it: quotes and apostrophes as themselves, not <c>\u0022</c>.</summary>
internal static class WireJson
{
    // Read-only once used; holds no state of its own.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(JsonNode? node) => node?.ToJsonString(Options) ?? "null";
}
