using CliWrap;
using CliWrap.Buffered;

namespace OutpostServerless.Cli.Bench;

/// <summary>Runs real processes through CliWrap, reading both output streams to the end (a non-zero exit is the caller's to judge).</summary>
public sealed class ProcessRunner : IProcessRunner
{
    public static readonly ProcessRunner Instance = new();

    public async Task<ProcessOutcome> RunAsync(
        string executable,
        IReadOnlyList<string> arguments,
        string? workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken)
    {
        var command = CliWrap.Cli.Wrap(executable)
            .WithArguments(arguments)
            .WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None);
        if (workingDirectory is not null)
        {
            command = command.WithWorkingDirectory(workingDirectory);
        }

        var result = await command.ExecuteBufferedAsync(cancellationToken);
        return new ProcessOutcome(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
