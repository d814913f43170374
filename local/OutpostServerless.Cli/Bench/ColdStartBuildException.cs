namespace OutpostServerless.Cli.Bench;

/// <summary>Publishing a bootstrap for the cold-start benchmark failed; <see cref="Output"/> is what dotnet publish said.</summary>
public sealed class ColdStartBuildException(string variant, int exitCode, string output)
    : Exception($"dotnet publish of the {variant} bootstrap failed with exit code {exitCode}.")
{
    public string Variant { get; } = variant;

    public int ExitCode { get; } = exitCode;

    public string Output { get; } = output;
}
