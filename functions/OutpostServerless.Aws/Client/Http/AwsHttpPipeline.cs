using System.Text;
using OutpostServerless.Aws.Client.Calls;
using OutpostServerless.Aws.Client.Credentials;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Retry;
using OutpostServerless.Aws.Client.Signing;
using OutpostServerless.Aws.Errors;

namespace OutpostServerless.Aws.Client.Http;

/// <summary>
/// Sends one operation: addresses it at the endpoint, signs each attempt afresh (new date, current
/// credentials), bounds each attempt by a timeout, and retries throttling, transient errors,
/// connection failures and timeouts with the policy's back-off. A non-retryable error answer
/// surfaces as <see cref="AwsServiceError"/> with the service's code, message, status and request id.
/// </summary>
/// <remarks>
/// Back-off waits and signing dates come from <paramref name="clock"/> (tests use a fake one);
/// the per-attempt timeout is wall-clock, because it bounds a real network exchange.
/// <paramref name="observer"/>, if any, sees every answered attempt, as the service counts calls.
/// Inside a Lambda invocation (<c>_X_AMZN_TRACE_ID</c> in <paramref name="environment"/>) each request carries it as
/// <c>X-Amzn-Trace-Id</c>, as the AWS SDKs do, so the calls join the invocation's X-Ray trace; like the SDKs, it
/// is left out of the signature.
/// </remarks>
public sealed class AwsHttpPipeline(
    HttpClient http, ICredentialsProvider credentials, StandardRetryPolicy retry, TimeProvider clock, TimeSpan attemptTimeout, IAwsCallObserver? observer = null, IEnvironment? environment = null)
{
    public const string UserAgent = "outpost-serverless/1.0 md/protocol-clients";
    public const string TraceHeader = "X-Amzn-Trace-Id";
    public const string TraceVariable = "_X_AMZN_TRACE_ID";

    private readonly SigV4Signer _signer = new();

    public async Task<AwsResponse> SendAsync(AwsService service, ServiceEndpoint endpoint, AwsRequest request, IErrorParser errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);

        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var response = await AttemptAsync(endpoint, request, cancellationToken);
                if (response.IsSuccess)
                {
                    observer?.OnAnswered(new AwsCall($"{service.ActionPrefix}:{request.Operation}", response.Status, ErrorCode: null));
                    return response;
                }

                var error = errors.Parse(response);
                observer?.OnAnswered(new AwsCall($"{service.ActionPrefix}:{request.Operation}", response.Status, error.Code));
                if (!RetryableErrors.IsRetryable(error.Code, response.Status) || !retry.CanRetryAfter(attempt))
                {
                    throw new AwsServiceError(service.SigningName, error.Code, error.Message, response.Status, error.RequestId ?? response.HeaderRequestId);
                }
            }
            catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
            {
                if (!retry.CanRetryAfter(attempt))
                {
                    throw new AwsTransportException(service.SigningName, request.Operation, attempt, ex);
                }
            }

            await Task.Delay(retry.DelayAfter(attempt), clock, cancellationToken);
        }
    }

    private async Task<AwsResponse> AttemptAsync(ServiceEndpoint endpoint, AwsRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(attemptTimeout);

        var identity = await credentials.GetCredentialsAsync(timeout.Token);
        using var message = Build(endpoint, request);
        var signature = _signer.Sign(Signable(message, request), identity, endpoint.SigningRegion, endpoint.SigningName, clock.GetUtcNow());
        foreach (var (name, value) in signature.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (environment?.GetVariable(TraceVariable) is { Length: > 0 } trace)
        {
            message.Headers.TryAddWithoutValidation(TraceHeader, trace);
        }

        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token);
        var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(',', values);
        }

        return new AwsResponse(response.StatusCode, headers, body);
    }

    private static HttpRequestMessage Build(ServiceEndpoint endpoint, AwsRequest request)
    {
        var url = new StringBuilder()
            .Append(endpoint.Url.GetLeftPart(UriPartial.Authority))
            .Append(endpoint.Url.AbsolutePath.TrimEnd('/'))
            .Append(request.Path);
        if (request.Query.Count > 0)
        {
            url.Append('?').AppendJoin('&', request.Query.Select(q => $"{Rfc3986.Encode(q.Key)}={Rfc3986.Encode(q.Value)}"));
        }

        var message = new HttpRequestMessage(request.Method, new Uri(url.ToString(), UriKind.Absolute));
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.ContentType is not null || request.Body.Length > 0)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        return message;
    }

    private static SignableRequest Signable(HttpRequestMessage message, AwsRequest request)
    {
        var headers = new List<KeyValuePair<string, string>>(request.Headers);
        if (request.ContentType is not null)
        {
            headers.Add(new("Content-Type", request.ContentType));
        }

        return new SignableRequest(request.Method.Method, message.RequestUri!, headers, SigV4Signer.Hash(request.Body));
    }

    // A failure to get any answer: connection refused or reset, a broken body stream, or our own
    // per-attempt timeout (a cancellation the caller did not ask for).
    private static bool IsTransportFailure(Exception ex, CancellationToken callerToken) => ex switch
    {
        HttpRequestException => true,
        IOException => true,
        TimeoutException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };
}
