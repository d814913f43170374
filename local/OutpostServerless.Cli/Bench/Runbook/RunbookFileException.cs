namespace OutpostServerless.Cli.Bench.Runbook;

/// <summary>A runbook file that cannot be run as written, naming the field and the fix; thrown before any command runs.</summary>
public sealed class RunbookFileException(string path, string problem) : Exception($"{path}: {problem}");
