using System.Text.Json;
using OutpostServerless.Aws.Client.Http;

namespace OutpostServerless.Aws.Protocols.Json;

/// <summary>
/// The error document of awsJson1_0/1_1 and restJson1: the type from the <c>X-Amzn-Errortype</c>
/// header, else the body's <c>__type</c> (else <c>code</c>); the message from <c>message</c>,
/// <c>Message</c> or <c>errorMessage</c>.
/// </summary>
public sealed class JsonErrorParser : IErrorParser
{
    public AwsError Parse(AwsResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? type = response.Headers.TryGetValue("X-Amzn-Errortype", out var header) ? header : null;
        string? message = null;
        if (response.Body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    type ??= Text(document.RootElement, "__type") ?? Text(document.RootElement, "code") ?? Text(document.RootElement, "Code");
                    message = Text(document.RootElement, "message") ?? Text(document.RootElement, "Message") ?? Text(document.RootElement, "errorMessage");
                }
            }
            catch (JsonException)
            {
                // Not JSON (a load balancer's HTML page, say): the status is all there is.
            }
        }

        var code = type is { Length: > 0 } ? ErrorCode.Normalize(type) : ErrorCode.FromStatus(response.Status);
        return new AwsError(code, message ?? string.Empty, response.HeaderRequestId);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
