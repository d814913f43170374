namespace OutpostServerless.Cli.Bench.Runbook;

/// <summary>
/// One step of a runbook: an AWS CLI command (<see cref="Aws"/>, whose <c>--query</c> text output may be kept
/// <see cref="As"/> a variable for later <c>${name}</c>s, or polled <see cref="Until"/> it prints a value), or a
/// wait of <see cref="SleepSeconds"/> while AWS acts. Waits and polls cost virtual time, not wall time.
/// </summary>
public sealed record RunbookStep
{
    /// <summary>What a person reads in the runbook for this step.</summary>
    public string? Say { get; init; }

    /// <summary>The arguments after <c>aws</c>; <c>${name}</c> is replaced by an earlier step's output.</summary>
    public IReadOnlyList<string>? Aws { get; init; }

    /// <summary>The variable that keeps this command's output (its <c>--query</c> printed as text).</summary>
    public string? As { get; init; }

    /// <summary>Repeat the command until it prints this (its <c>--query</c> as text), as an AWS CLI waiter polls.</summary>
    public string? Until { get; init; }

    /// <summary>Virtual seconds between two polls of <see cref="Until"/>.</summary>
    public int? PollSeconds { get; init; }

    /// <summary>Polls before <see cref="Until"/> gives up.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>A wait with no command: virtual seconds for AWS to act.</summary>
    public int? SleepSeconds { get; init; }

    /// <summary>The command as a person would type it (after substitution).</summary>
    public static string CommandLine(IEnumerable<string> arguments) =>
        "aws " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) || a.Length == 0 ? $"'{a}'" : a));
}
