using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OutpostServerless.Functions.Tests.Support;

/// <summary>
/// A Lambda Runtime API stand-in on 127.0.0.1, speaking plain HTTP/1.1 over a socket so a test controls every
/// byte (header names in any case). It serves <see cref="FakeEvent"/>s to <c>GET …/next</c> in order, then
/// answers <see cref="WhenDone"/> (500 by default: "container error, exit"), and records every request.
/// </summary>
internal sealed class FakeRuntimeApi : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Queue<FakeEvent> _events;
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();
    private readonly Task _serving;

    public FakeRuntimeApi(params FakeEvent[] events)
    {
        _events = new Queue<FakeEvent>(events);
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public HttpStatusCode WhenDone { get; init; } = HttpStatusCode.InternalServerError;

    /// <summary>The status of <c>/response</c> and <c>/error</c> posts.</summary>
    public HttpStatusCode PostStatus { get; init; } = HttpStatusCode.Accepted;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<RecordedRequest> Posts => Requests.Where(r => r.Method == "POST").ToList();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            // Stopped mid-accept, or before the loop came back to accept (InvalidOperationException: "Not listening").
            catch (Exception stopped) when (stopped is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (client)
            {
                try
                {
                    await AnswerAsync(client.GetStream());
                }
                catch (IOException)
                {
                    // The client went away.
                }
            }
        }
    }

    private async Task AnswerAsync(NetworkStream stream)
    {
        var requestLine = await ReadLineAsync(stream);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await ReadLineAsync(stream); line.Length > 0; line = await ReadLineAsync(stream))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        var parts = requestLine.Split(' ');
        var request = new RecordedRequest(parts[0], parts[1], headers, Encoding.UTF8.GetString(body));
        lock (_gate)
        {
            _requests.Add(request);
        }

        if (request.Method == "GET" && request.Path.EndsWith("/runtime/invocation/next", StringComparison.Ordinal))
        {
            FakeEvent? next;
            lock (_gate)
            {
                _events.TryDequeue(out next);
            }

            await (next is null
                ? WriteAsync(stream, WhenDone, [], """{"errorMessage":"no more events","errorType":"Test.Done"}""")
                : WriteAsync(stream, HttpStatusCode.OK, next.Headers, next.Payload));
        }
        else
        {
            await WriteAsync(stream, PostStatus, [], """{"status":"OK"}""");
        }
    }

    private static async Task WriteAsync(NetworkStream stream, HttpStatusCode status, IReadOnlyList<(string Name, string Value)> headers, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {(int)status} {status}\r\n")
            .Append("Content-Type: application/json\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {bytes.Length}\r\n")
            .Append("Connection: close\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
    }

    private static async Task<string> ReadLineAsync(NetworkStream stream)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            if (one[0] == '\n')
            {
                break;
            }

            if (one[0] != '\r')
            {
                line.Add(one[0]);
            }
        }

        return Encoding.ASCII.GetString([.. line]);
    }
}

/// <summary>A request the fake received; header lookup ignores case.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>An event to serve, with the exact header lines to send.</summary>
internal sealed record FakeEvent(string Payload, IReadOnlyList<(string Name, string Value)> Headers)
{
    public static FakeEvent Of(string requestId, string payload, DateTimeOffset? deadline = null, string? traceId = null,
        DateTimeOffset? emulatedTime = null, bool lowerCaseNames = false)
    {
        var headers = new List<(string Name, string Value)>
        {
            ("Lambda-Runtime-Aws-Request-Id", requestId),
            ("Lambda-Runtime-Deadline-Ms", (deadline ?? DateTimeOffset.UtcNow.AddMinutes(5)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            ("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-west-2:123456789012:function:EnsureVpcFunction"),
        };
        if (traceId is not null)
        {
            headers.Add(("Lambda-Runtime-Trace-Id", traceId));
        }

        if (emulatedTime is { } time)
        {
            headers.Add(("X-Outpost-Serverless-Emulated-Time", time.ToString("O", CultureInfo.InvariantCulture)));
        }

        return new FakeEvent(payload, lowerCaseNames ? headers.Select(h => (h.Name.ToLowerInvariant(), h.Value)).ToList() : headers);
    }
}
