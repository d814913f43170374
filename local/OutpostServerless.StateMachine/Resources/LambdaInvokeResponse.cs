using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.Resources;

/// <summary>The result of <c>arn:aws:states:::lambda:invoke</c>: the function's payload wrapped in the Lambda Invoke response, as AWS returns it.</summary>
internal static class LambdaInvokeResponse
{
    public static JsonObject Wrap(JsonNode? payload, string requestId, DateTimeOffset date)
    {
        var length = Encoding.UTF8.GetByteCount(JsonText.Serialize(payload)).ToString(CultureInfo.InvariantCulture);
        var headers = new (string Name, string Value)[]
        {
            ("Connection", "keep-alive"),
            ("Content-Length", length),
            ("Content-Type", "application/json"),
            ("Date", date.UtcDateTime.ToString("r", CultureInfo.InvariantCulture)),
            ("X-Amz-Executed-Version", "$LATEST"),
            ("x-amzn-Remapped-Content-Length", "0"),
            ("x-amzn-RequestId", requestId),
        };
        var all = new JsonObject();
        var single = new JsonObject();
        foreach (var (name, value) in headers)
        {
            all[name] = new JsonArray(JsonValue.Create(value));
            single[name] = value;
        }

        return new JsonObject
        {
            ["ExecutedVersion"] = "$LATEST",
            ["Payload"] = JsonText.Adopt(payload),
            ["SdkHttpMetadata"] = new JsonObject
            {
                ["AllHttpHeaders"] = all,
                ["HttpHeaders"] = single,
                ["HttpStatusCode"] = 200,
            },
            ["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = requestId },
            ["StatusCode"] = 200,
        };
    }
}
