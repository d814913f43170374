using System.Text.Json;
using Amazon.Runtime;
using OutpostServerless.Emulator.Wire.Http;

namespace OutpostServerless.Emulator.Wire.Protocols;

/// <summary>awsJson1_0 / awsJson1_1: the operation from <c>X-Amz-Target</c>, JSON out, errors as <c>__type</c>.</summary>
internal static class AwsJsonProtocol
{
    /// <summary>The operation named by <c>X-Amz-Target: {prefix}.{Operation}</c>, or null when the target is another service's.</summary>
    public static string? Operation(WireRequest request, string targetPrefix)
    {
        var target = request.Header(WireHeaders.Target);
        return target is not null && target.Length > targetPrefix.Length + 1 && target.StartsWith(targetPrefix + ".", StringComparison.Ordinal)
            ? target[(targetPrefix.Length + 1)..]
            : null;
    }

    public static bool IsTargeted(WireRequest request, string targetPrefix) =>
        request.Header(WireHeaders.Target)?.StartsWith(targetPrefix + ".", StringComparison.Ordinal) == true;

    public static WireResponse Response(byte[] json, string jsonVersion, string requestId) =>
        new(200, "application/x-amz-json-" + jsonVersion, json) { Headers = WireHeaders.With((WireHeaders.RequestId, requestId)) };

    /// <summary>
    /// <c>{"__type":"Code","message":"…"}</c>. A service with the awsQueryCompatible trait (CloudWatch)
    /// names the error by its JSON shape and adds <c>x-amzn-query-error: Code;Sender</c>, from which
    /// clients take the query-protocol code.
    /// </summary>
    public static WireResponse Error(AmazonServiceException error, string jsonVersion, string requestId, Func<string, string>? queryCompatibleType = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("__type", queryCompatibleType is null ? error.ErrorCode : queryCompatibleType(error.ErrorCode));
            if (!string.IsNullOrEmpty(error.Message))
            {
                json.WriteString("message", error.Message);
            }

            json.WriteEndObject();
        }

        var headers = WireHeaders.With((WireHeaders.RequestId, requestId));
        if (queryCompatibleType is not null)
        {
            headers[WireHeaders.QueryError] = error.ErrorCode + ";" + (error.ErrorType == ErrorType.Receiver ? "Receiver" : "Sender");
        }

        return new WireResponse(WireStatus.Of(error), "application/x-amz-json-" + jsonVersion, stream.ToArray()) { Headers = headers };
    }
}
