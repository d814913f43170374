namespace OutpostServerless.Cli.Tests.Differential;

/// <summary>
/// A disagreement judged to be moto's fault: the fields that differ (status, output, error, cause), why,
/// and the AWS documentation (or specification) that says what AWS does.
/// </summary>
internal sealed record KnownDifference(string Case, int Input, IReadOnlyList<string> Fields, string Reason, string Aws)
{
    public string Id => $"{Case}#{Input}";
}
