using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OutpostServerless.Aws.Tests.Interop;

/// <summary>
/// A moto server (<c>moto_server</c>, the AWS emulator nobody on this team wrote) on 127.0.0.1 and
/// a free port, started once for the test class and killed when it is done. When moto_server is
/// not on PATH, <see cref="UnavailableReason"/> says so and the tests decide (fail under CI).
/// </summary>
public sealed class MotoServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _log = new();
    private Process? _process;

    public Uri? Endpoint { get; private set; }

    public string? UnavailableReason { get; private set; }

    public async Task InitializeAsync()
    {
        var executable = FindOnPath("moto_server");
        if (executable is null)
        {
            UnavailableReason = "moto_server is not on PATH (moto 5.x provides it: pip install 'moto[server]').";
            return;
        }

        var port = FreePort();
        var start = new ProcessStartInfo(executable, ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Real accounts have the AWS managed policies (the steps attach AmazonEC2ContainerServiceforEC2Role).
            Environment = { ["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true" },
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var limit = new CancellationTokenSource(StartupLimit);
        while (!limit.IsCancellationRequested)
        {
            if (_process.HasExited)
            {
                UnavailableReason = $"moto_server exited with code {_process.ExitCode} before answering: {Log}";
                return;
            }

            try
            {
                using var response = await http.GetAsync(new Uri(endpoint, "moto-api/data.json"), limit.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Endpoint = endpoint;
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }

        UnavailableReason = $"moto_server did not answer on {endpoint} within {StartupLimit.TotalSeconds} s: {Log}";
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
