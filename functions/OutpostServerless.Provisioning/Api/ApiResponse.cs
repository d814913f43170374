using System.Text.Json.Nodes;

namespace OutpostServerless.Provisioning.Api;

/// <summary>An answer of the provisionings API: the HTTP status and the JSON body.</summary>
public sealed record ApiResponse(int StatusCode, JsonObject Body)
{
    public static ApiResponse Error(int statusCode, string error, string message) =>
        new(statusCode, new JsonObject { ["error"] = error, ["message"] = message });
}
