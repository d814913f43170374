using System.Collections.Concurrent;
using Amazon.Runtime;
using OutpostServerless.Aws.Tests.Testing;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Cli.Tests.Services;

/// <summary>A front-end that keeps every request it is given (as the client sent it) before answering it as <paramref name="inner"/> does.</summary>
internal sealed class RecordingFrontEnd(IWireFrontEnd inner, ConcurrentQueue<CapturedRequest> requests) : IWireFrontEnd
{
    public string SigningName => inner.SigningName;

    public WireProtocol Protocol => inner.Protocol;

    public bool Accepts(WireRequest request) => inner.Accepts(request);

    public Task<WireResponse> HandleAsync(WireRequest request, string requestId, CancellationToken cancellationToken)
    {
        var url = new Uri("http://127.0.0.1" + request.RawPath + (request.RawQuery.Length == 0 ? string.Empty : "?" + request.RawQuery));
        requests.Enqueue(new CapturedRequest(new HttpMethod(request.Method), url, request.Headers, request.Body.ToArray()));
        return inner.HandleAsync(request, requestId, cancellationToken);
    }

    public WireResponse Error(AmazonServiceException error, string requestId) => inner.Error(error, requestId);
}
