using CliWrap;
using CliWrap.Buffered;

namespace OutpostServerless.Testing.Processes;

/// <summary>Runs an external tool to its end with empty standard input and returns what it printed (never throws on a non-zero exit: the test judges it).</summary>
public static class ToolProcess
{
    /// <param name="environment">Variables to set; a null value removes an inherited one.</param>
    public static async Task<ToolResult> RunAsync(
        string executable,
        IEnumerable<string> arguments,
        CancellationToken cancellationToken,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var command = Cli.Wrap(executable)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>());
        if (workingDirectory is not null)
        {
            command = command.WithWorkingDirectory(workingDirectory);
        }

        var result = await command.ExecuteBufferedAsync(cancellationToken);
        return new ToolResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
