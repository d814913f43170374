using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using OutpostServerless.Functions.Logging;

namespace OutpostServerless.Functions.Tests.Support;

/// <summary>Keeps the lines the runtime writes, parsed.</summary>
internal sealed class ListSink : ILogSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public IReadOnlyList<JsonObject> Objects => _lines.Select(line => JsonNode.Parse(line)!.AsObject()).ToList();

    public IReadOnlyList<JsonObject> MetricLines => Objects.Where(o => o.ContainsKey("_aws")).ToList();

    public void WriteLine(string line) => _lines.Enqueue(line);
}
