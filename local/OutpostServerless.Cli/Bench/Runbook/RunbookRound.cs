namespace OutpostServerless.Cli.Bench.Runbook;

/// <summary>One pass through a runbook: how many AWS CLI commands ran (polls included), how long it took, and the virtual time it waited.</summary>
public sealed record RunbookRound(int Commands, TimeSpan Elapsed, TimeSpan Waited);
