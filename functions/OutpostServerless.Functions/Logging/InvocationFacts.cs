using System.Text.Json;

namespace OutpostServerless.Functions.Logging;

/// <summary>
/// What the logs and metrics want to know from an event or a response, read without binding to any step's
/// types: a malformed event still gets logged, just without these fields.
/// </summary>
public static class InvocationFacts
{
    /// <summary>
    /// The provisioning the event belongs to: the plan's id (every step after validation), else the request's,
    /// else the execution name ValidateRequest falls back to.
    /// </summary>
    public static string? ProvisioningId(string payload) => Read(payload, root =>
        String(root, "plan", "provisioningId") ?? String(root, "request", "provisioningId") ?? String(root, "executionName"));

    /// <summary>The Step Functions retry count, when the state passes <c>"retryCount.$": "$$.State.RetryCount"</c>.</summary>
    public static int? RetryCount(string payload) => Read(payload, root =>
        root.TryGetProperty("retryCount", out var count) && count.ValueKind == JsonValueKind.Number && count.TryGetInt32(out var value)
            ? value
            : (int?)null);

    /// <summary>How long the capacity gate has waited so far, from a CheckCapacity response (<c>waitedSeconds</c>).</summary>
    public static double? CapacityWaitSeconds(string response) => Read(response, root =>
        root.TryGetProperty("waitedSeconds", out var waited) && waited.ValueKind == JsonValueKind.Number ? waited.GetDouble() : (double?)null);

    private static T? Read<T>(string json, Func<JsonElement, T?> read)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object ? read(document.RootElement) : default;
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? String(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
