using System.Text.Json.Nodes;
using OutpostServerless.Local.StepFunctions;

namespace OutpostServerless.Local.ApiGateway;

/// <summary>The local API's answer: the status and the JSON body text.</summary>
public sealed record ApiReply(int Status, string Body)
{
    public static ApiReply Json(int status, JsonObject body) => new(status, WireJson.Text(body));
}
