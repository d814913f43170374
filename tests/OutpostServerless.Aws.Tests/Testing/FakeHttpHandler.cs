using System.Net;
using System.Text;

namespace OutpostServerless.Aws.Tests.Testing;

/// <summary>
/// Answers each request with the next scripted answer (the last one repeats) and records every
/// request as it arrived, body included.
/// </summary>
internal sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly Lock _lock = new();
    private readonly List<CapturedRequest> _requests = [];
    private readonly Queue<Func<HttpResponseMessage>> _answers = new();
    private Func<HttpResponseMessage>? _last;

    public IReadOnlyList<CapturedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public CapturedRequest LastRequest => Requests[^1];

    public FakeHttpHandler Respond(HttpStatusCode status, string body, string contentType, params (string Name, string Value)[] headers) => Enqueue(() =>
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    });

    public FakeHttpHandler RespondJson(string body, HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers) =>
        Respond(status, body, "application/x-amz-json-1.1", [("x-amzn-RequestId", "8a4b7c3e-5f6d-4e2a-9b1c-0d2e3f4a5b6c"), .. headers]);

    public FakeHttpHandler RespondXml(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        Respond(status, body, "text/xml", [("x-amzn-RequestId", "4a93ceee-9966-11e1-b624-b1aEXAMPLE7c")]);

    public FakeHttpHandler Throw(Exception exception) => Enqueue(() => throw exception);

    private FakeHttpHandler Enqueue(Func<HttpResponseMessage> answer)
    {
        lock (_lock)
        {
            _answers.Enqueue(answer);
        }

        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = string.Join(',', values);
        }

        var body = Array.Empty<byte>();
        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers)
            {
                headers[name] = string.Join(',', values);
            }

            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        Func<HttpResponseMessage> answer;
        lock (_lock)
        {
            _requests.Add(new CapturedRequest(request.Method, request.RequestUri!, headers, body));
            answer = _answers.Count > 0 ? _last = _answers.Dequeue() : _last ?? throw new InvalidOperationException("No answer scripted.");
        }

        return answer();
    }
}
