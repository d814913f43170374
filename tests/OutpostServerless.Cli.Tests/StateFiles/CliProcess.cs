using System.Globalization;
using System.Text;
using CliWrap;
using OutpostServerless.Testing.Processes;

namespace OutpostServerless.Cli.Tests.StateFiles;

/// <summary><c>outpost-serverless</c> as its own OS process (the build beside the tests), for real concurrency between commands.</summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private readonly CancellationTokenSource kill = new();
    private readonly CommandTask<CommandResult> run;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();
    private readonly TaskCompletionSource<bool> outputSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string? awaitedText;

    private CliProcess(string[] args, string? awaitedText)
    {
        this.awaitedText = awaitedText;
        run = CliWrap.Cli.Wrap("dotnet")
            .WithArguments([Path.Combine(AppContext.BaseDirectory, "outpost-serverless.dll"), .. args])
            .WithWorkingDirectory(RepositoryFiles.Root)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => Append(output, line, watch: true)))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => Append(error, line, watch: false)))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(kill.Token);
    }

    public int Id => run.ProcessId;

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
        if (await Task.WhenAny(started.outputSeen.Task, started.run.Task, Task.Delay(TimeSpan.FromSeconds(60))) != started.outputSeen.Task)
        {
            throw new InvalidOperationException($"outpost-serverless {string.Join(' ', args)} did not print '{text}': {started.Output}{started.Error}");
        }

        return started;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout) => (await run.Task.WaitAsync(timeout)).ExitCode;

    /// <summary>SIGTERM, as Ctrl+C in a shell's foreground job would end it gracefully.</summary>
    public async Task<int> TerminateAsync()
    {
        await ToolProcess.RunAsync("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)], CancellationToken.None);
        return await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await kill.CancelAsync();
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
            // Killed with its process tree, as asked.
        }

        kill.Dispose();
    }

    private void Append(StringBuilder to, string line, bool watch)
    {
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
