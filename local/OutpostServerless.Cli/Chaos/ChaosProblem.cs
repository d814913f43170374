namespace OutpostServerless.Cli.Chaos;

/// <summary>A run that broke the promise (a duplicate, a leak, or a success without its resources), with what to reproduce it.</summary>
public sealed record ChaosProblem(
    int Run,
    string ProvisioningId,
    string Example,
    string Status,
    string? Error,
    IReadOnlyDictionary<string, int> Duplicates,
    IReadOnlyList<string> Leaked,
    IReadOnlyDictionary<string, int> Missing);
