using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CliWrap;
using OutpostServerless.Testing.Tools;

namespace OutpostServerless.Testing.Moto;

/// <summary>
/// A <c>moto_server</c> (moto 5.x, the AWS emulator nobody on this team wrote) on 127.0.0.1 and a free port,
/// killed with its process tree on dispose. A missing <c>moto_server</c> is <see cref="MissingReason"/>; one that
/// is there but does not answer is an error.
/// </summary>
public sealed class MotoServer : IAsyncDisposable
{
    public const string MissingReason = "moto_server is not on PATH (moto 5.x provides it: pip install 'moto[server]').";

    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _kill;
    private readonly CommandTask<CommandResult> _process;
    private readonly StringBuilder _log;

    private MotoServer(CancellationTokenSource kill, CommandTask<CommandResult> process, StringBuilder log, Uri endpoint)
    {
        _kill = kill;
        _process = process;
        _log = log;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>Whether moto_server is on the PATH.</summary>
    public static bool IsInstalled => ToolPath.Find("moto_server") is not null;

    /// <summary>Starts moto_server and returns once it answers; the test stops (<see cref="MissingTool.Stop"/>) when it is not installed.</summary>
    /// <param name="environment">moto's own settings, e.g. <c>MOTO_IAM_LOAD_MANAGED_POLICIES</c>.</param>
    public static async Task<MotoServer> StartAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var executable = ToolPath.Find("moto_server");
        if (executable is null)
        {
            MissingTool.Stop(MissingReason);
        }

        var port = FreePort();
        var log = new StringBuilder();
        var kill = new CancellationTokenSource();
        var process = Cli.Wrap(executable)
            .WithArguments(["-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture)])
            .WithEnvironmentVariables(environment)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => Append(log, line)))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => Append(log, line)))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(kill.Token);
        var server = new MotoServer(kill, process, log, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await server.WaitUntilAnsweringAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _kill.CancelAsync();
        try
        {
            await _process;
        }
        catch (OperationCanceledException)
        {
            // Killed, as asked.
        }

        _kill.Dispose();
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

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartupLimit);
        while (!limit.IsCancellationRequested)
        {
            if (_process.Task.IsCompleted)
            {
                throw new InvalidOperationException($"moto_server exited with code {(await _process).ExitCode} before answering: {Log}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "moto-api/data.json"), limit.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !limit.IsCancellationRequested)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new TimeoutException($"moto_server did not answer on {Endpoint} within {StartupLimit.TotalSeconds} s: {Log}");
    }

    private static void Append(StringBuilder log, string line)
    {
        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
