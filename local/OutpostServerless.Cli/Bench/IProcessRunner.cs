namespace OutpostServerless.Cli.Bench;

/// <summary>Starts a program, feeds it no input, and waits for it to end: the seam the benches that run other programs share (a fake in tests).</summary>
public interface IProcessRunner
{
    /// <param name="environment">Variables to set; a null value removes an inherited one.</param>
    Task<ProcessOutcome> RunAsync(
        string executable,
        IReadOnlyList<string> arguments,
        string? workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken);
}
