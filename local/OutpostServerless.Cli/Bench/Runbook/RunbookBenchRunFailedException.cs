namespace OutpostServerless.Cli.Bench.Runbook;

/// <summary>A <c>run</c> the bench timed did not succeed: its figure would mean nothing, so the bench stops.</summary>
public sealed class RunbookBenchRunFailedException(string commandLine, string reason) : Exception($"{commandLine} failed: {reason}");
