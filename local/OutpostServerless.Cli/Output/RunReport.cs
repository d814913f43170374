using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Cli.Output;

/// <summary>The <c>--json</c> report: one object a script can read.</summary>
public sealed record RunReport(
    string Status,
    string? Error,
    string? Cause,
    JsonNode? Output,
    int StateTransitions,
    IReadOnlyDictionary<string, int> ApiCalls,
    int MutatingCalls,
    double VirtualSeconds,
    double WallMilliseconds)
{
    public static RunReport From(LocalRunResult result) => new(
        result.Execution.Status,
        result.Execution.Error,
        result.Execution.Cause,
        result.Execution.Output,
        result.Execution.StateTransitions,
        new SortedDictionary<string, int>(result.ApiCalls.ToDictionary(), StringComparer.Ordinal),
        result.MutatingCalls,
        result.VirtualSeconds,
        Math.Round(result.WallMilliseconds, 1));

    public string ToJson() => JsonSerializer.Serialize(this, CliJsonContext.Default.RunReport);
}
