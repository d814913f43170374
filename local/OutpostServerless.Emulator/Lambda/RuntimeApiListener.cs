using System.Net;
using System.Net.Sockets;

namespace OutpostServerless.Emulator.Lambda;

/// <summary>
/// An HTTP listener on 127.0.0.1 and a free port: the address one execution environment's runtime knows as
/// <c>AWS_LAMBDA_RUNTIME_API</c>. Each request is handled on its own task, so a long-polling
/// <c>GET …/next</c> never holds up the others.
/// </summary>
internal sealed class RuntimeApiListener : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly Task _accepting;

    private RuntimeApiListener(HttpListener listener, int port, Func<HttpListenerContext, Task> handle)
    {
        _listener = listener;
        _handle = handle;
        Port = port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary><c>127.0.0.1:{port}</c>, as <c>AWS_LAMBDA_RUNTIME_API</c> holds it.</summary>
    public string Address => $"127.0.0.1:{Port}";

    public static RuntimeApiListener Start(Func<HttpListenerContext, Task> handle)
    {
        // HttpListener cannot bind port 0, so ask the OS for a free port and take it; another process may
        // grab it in between, hence the few tries.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new RuntimeApiListener(listener, port, handle);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        await _accepting;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception closed) when (closed is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => _handle(context));
        }
    }
}
