namespace OutpostServerless.Cli.Bench;

/// <summary>How a program ended and what it printed.</summary>
public sealed record ProcessOutcome(int ExitCode, string Output, string Error);
