using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OutpostServerless.Functions.Errors;

namespace OutpostServerless.Functions.RuntimeApi;

/// <summary>
/// The runtime's side of the Lambda Runtime API (2018-06-01) at <c>http://${AWS_LAMBDA_RUNTIME_API}</c>:
/// fetch the next event, post its response or its error, or post an init error. Headers are read
/// case-insensitively, as AWS's own runtime does (HttpClient's header collections are).
/// </summary>
public sealed class RuntimeApiClient : IDisposable
{
    private const string Version = "2018-06-01";
    private readonly HttpClient _http;
    private readonly bool _readsEmulatedTime;

    /// <param name="runtimeApi">The host and port in <c>AWS_LAMBDA_RUNTIME_API</c>, e.g. <c>127.0.0.1:9001</c>.</param>
    /// <param name="readsEmulatedTime">Only under the local emulator: read <see cref="RuntimeApiHeaders.EmulatedTime"/>; otherwise it is ignored.</param>
    /// <param name="handler">The HTTP stack; a plain <see cref="SocketsHttpHandler"/> when omitted.</param>
    public RuntimeApiClient(string runtimeApi, bool readsEmulatedTime = false, HttpMessageHandler? handler = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(runtimeApi);
        _readsEmulatedTime = readsEmulatedTime;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://{runtimeApi}/{Version}/"),
            // The process may be frozen between events, so the long poll for the next one must never time out.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Blocks until Lambda has an event for this runtime.</summary>
    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        const string path = "runtime/invocation/next";
        using var response = await _http.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new RuntimeApiException(path, response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }

        var headers = response.Headers;
        var requestId = Header(headers, RuntimeApiHeaders.RequestId)
            ?? throw new RuntimeApiException(path, response.StatusCode, $"the event has no {RuntimeApiHeaders.RequestId} header");
        return new Invocation(
            requestId,
            await response.Content.ReadAsStringAsync(cancellationToken),
            Deadline(path, response, Header(headers, RuntimeApiHeaders.DeadlineMs)),
            Header(headers, RuntimeApiHeaders.InvokedFunctionArn),
            Header(headers, RuntimeApiHeaders.TraceId),
            Header(headers, RuntimeApiHeaders.ClientContext),
            Header(headers, RuntimeApiHeaders.CognitoIdentity),
            _readsEmulatedTime ? EmulatedTime(path, response, Header(headers, RuntimeApiHeaders.EmulatedTime)) : null);
    }

    /// <summary>Posts the handler's response (JSON text) for the invocation.</summary>
    public Task RespondAsync(string requestId, string payload, CancellationToken cancellationToken)
    {
        var content = new StringContent(payload, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/response", content, cancellationToken);
    }

    /// <summary>Posts a function error; its <see cref="FunctionError.ErrorType"/> becomes the Step Functions error name.</summary>
    public Task ReportErrorAsync(string requestId, FunctionError error, CancellationToken cancellationToken) =>
        PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", ErrorContent(error), cancellationToken);

    /// <summary>Posts an initialization error. It is not recoverable: the runtime should exit afterwards.</summary>
    public Task ReportInitErrorAsync(FunctionError error, CancellationToken cancellationToken) =>
        PostAsync("runtime/init/error", ErrorContent(error), cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task PostAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using (content)
        using (var response = await _http.PostAsync(path, content, cancellationToken))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new RuntimeApiException(path, response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
            }
        }
    }

    private static ByteArrayContent ErrorContent(FunctionError error)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, JsonContext.Default.FunctionError));
        content.Headers.ContentType = new MediaTypeHeaderValue(RuntimeApiHeaders.ErrorContentType);
        // Lambda builds the error from this header when the body is missing or unreadable.
        content.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, error.ErrorType);
        return content;
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault(value => value.Length > 0) : null;

    private static DateTimeOffset? Deadline(string path, HttpResponseMessage response, string? milliseconds) => milliseconds switch
    {
        null => null,
        _ when long.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var epochMs) => DateTimeOffset.FromUnixTimeMilliseconds(epochMs),
        _ => throw new RuntimeApiException(path, response.StatusCode, $"{RuntimeApiHeaders.DeadlineMs} '{milliseconds}' is not epoch milliseconds"),
    };

    private static DateTimeOffset? EmulatedTime(string path, HttpResponseMessage response, string? text) => text switch
    {
        null => null,
        _ when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) => time,
        _ => throw new RuntimeApiException(path, response.StatusCode, $"{RuntimeApiHeaders.EmulatedTime} '{text}' is not an ISO 8601 time"),
    };
}
