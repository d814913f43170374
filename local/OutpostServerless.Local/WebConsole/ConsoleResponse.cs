using System.Net.Mime;
using System.Text;
using System.Text.Json.Nodes;

namespace OutpostServerless.Local.WebConsole;

/// <summary>The console's answer: status, media type and body, for either server to write.</summary>
public sealed record ConsoleResponse(int Status, string ContentType, ReadOnlyMemory<byte> Body)
{
    public static ConsoleResponse Json(int status, JsonNode body) =>
        new(status, MediaTypeNames.Application.Json, Encoding.UTF8.GetBytes(body.ToJsonString()));

    /// <summary>A refusal naming what is wrong and how to fix it: <c>{"error": "...", "message": "field: reason. Fix: ..."}</c>.</summary>
    public static ConsoleResponse Problem(int status, string error, string message) =>
        Json(status, new JsonObject { ["error"] = error, ["message"] = message });

    public static ConsoleResponse NotFound(string path) =>
        Problem(404, "NotFound", $"path: {path} is not a console page or API. Fix: open /_console/.");
}
