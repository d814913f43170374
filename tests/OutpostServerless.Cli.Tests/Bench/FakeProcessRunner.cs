using OutpostServerless.Cli.Bench;

namespace OutpostServerless.Cli.Tests.Bench;

/// <summary>Answers each process start with <paramref name="answer"/> and records the starts, in order, with the files the working directory held.</summary>
internal sealed class FakeProcessRunner(Func<string, IReadOnlyList<string>, ProcessOutcome> answer) : IProcessRunner
{
    public List<(string Executable, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Files)> Started { get; } = [];

    public Task<ProcessOutcome> RunAsync(string executable, IReadOnlyList<string> arguments, string? workingDirectory, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var files = workingDirectory is null
            ? new Dictionary<string, string>()
            : Directory.GetFiles(workingDirectory).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        Started.Add((executable, arguments, files));
        return Task.FromResult(answer(executable, arguments));
    }

    /// <summary>The arguments after <c>aws</c>, before the endpoint and output options the runner adds.</summary>
    public static IReadOnlyList<string> AwsArguments(IReadOnlyList<string> arguments) =>
        [.. arguments.TakeWhile(a => a != "--endpoint-url")];

    public static ProcessOutcome Prints(string output) => new(0, output + "\n", string.Empty);
}
