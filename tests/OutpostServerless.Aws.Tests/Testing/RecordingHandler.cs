namespace OutpostServerless.Aws.Tests.Testing;

/// <summary>Passes every request on and keeps it as it went on the wire (for a model check of a real client's requests).</summary>
internal sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly Lock _lock = new();
    private readonly List<CapturedRequest> _requests = [];

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

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(',', h.Value), StringComparer.OrdinalIgnoreCase);
        var body = Array.Empty<byte>();
        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers)
            {
                headers[name] = string.Join(',', values);
            }

            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        lock (_lock)
        {
            _requests.Add(new CapturedRequest(request.Method, request.RequestUri!, headers, body));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
