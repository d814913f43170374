using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Bench.Runbook;

/// <summary>
/// A runbook as checked in (<c>statemachine/runbook/ecs-on-outposts.json</c>): the files its commands read
/// (<c>file://name</c>, a JSON value written as JSON, a string as it is) and its steps, in order.
/// </summary>
public sealed record RunbookDocument
{
    public string? About { get; init; }

    /// <summary>The provisioning request (relative to the repository) that <c>run</c> makes the same resources from.</summary>
    public string? Request { get; init; }

    public IReadOnlyDictionary<string, JsonNode?> Files { get; init; } = new Dictionary<string, JsonNode?>();

    public IReadOnlyList<RunbookStep> Steps { get; init; } = [];
}
