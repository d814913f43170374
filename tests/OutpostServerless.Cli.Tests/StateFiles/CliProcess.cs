using System.Diagnostics;
using System.Text;

namespace OutpostServerless.Cli.Tests.StateFiles;

/// <summary><c>outpost-serverless</c> as its own OS process (the build beside the tests), for real concurrency between commands.</summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();
    private readonly TaskCompletionSource<bool> outputSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string? awaitedText;

    private CliProcess(string[] args, string? awaitedText)
    {
        this.awaitedText = awaitedText;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryFiles.Root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "outpost-serverless.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data, watch: true);
        process.ErrorDataReceived += (_, line) => Append(error, line.Data, watch: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (error)
            {
                return error.ToString();
            }
        }
    }

    public static CliProcess Start(params string[] args) => new(args, null);

    /// <summary>Starts the command and returns once it printed <paramref name="text"/> (e.g. a server's banner).</summary>
    public static async Task<CliProcess> StartAndWaitForAsync(string text, params string[] args)
    {
        var started = new CliProcess(args, text);
        var exited = started.process.WaitForExitAsync();
        if (await Task.WhenAny(started.outputSeen.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))) != started.outputSeen.Task)
        {
            throw new InvalidOperationException($"outpost-serverless {string.Join(' ', args)} did not print '{text}': {started.Output}{started.Error}");
        }

        return started;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    /// <summary>SIGTERM, as Ctrl+C in a shell's foreground job would end it gracefully.</summary>
    public async Task<int> TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        return await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(StringBuilder to, string? line, bool watch)
    {
        if (line is null)
        {
            return;
        }

        lock (to)
        {
            to.AppendLine(line);
        }

        if (watch && awaitedText is not null && line.Contains(awaitedText, StringComparison.Ordinal))
        {
            outputSeen.TrySetResult(true);
        }
    }
}
