namespace OutpostServerless.Cli.Bench;

/// <summary>A measured start did not answer with a response: the figure would mean nothing.</summary>
public sealed class ColdStartFailedException(string bootstrap, string errorType, string errorMessage)
    : Exception($"{bootstrap} did not respond: {errorType}: {errorMessage}")
{
    public string Bootstrap { get; } = bootstrap;

    public string ErrorType { get; } = errorType;
}
