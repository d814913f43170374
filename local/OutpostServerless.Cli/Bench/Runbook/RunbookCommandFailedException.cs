namespace OutpostServerless.Cli.Bench.Runbook;

/// <summary>A runbook command failed or did not print what the runbook needs: the bench stops there, saying which and why.</summary>
public sealed class RunbookCommandFailedException(int step, string? say, string commandLine, string reason)
    : Exception($"Runbook step {step + 1}{(say is null ? string.Empty : $" ({say})")} failed: {commandLine}: {reason}")
{
    /// <summary>The failing step's index in the runbook (0-based).</summary>
    public int Step { get; } = step;
}
