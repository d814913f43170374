using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutpostServerless.Local.EventBridge;

/// <summary>The <c>events put --json</c> report: each event with the rules it matched, and the executions started.</summary>
public sealed record EventsReport(IReadOnlyList<PutEventReport> Events, IReadOnlyList<StartedExecutionReport> Executions, IReadOnlyList<FailedDeliveryReport> FailedDeliveries)
{
    /// <summary>The functions the matched rules invoked (the capacity wake-up), with what each returned.</summary>
    public IReadOnlyList<InvokedFunctionReport> Invocations { get; init; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, EventsJsonContext.Default.EventsReport);
}

/// <summary>One event put on the bus and the names of the rules it matched.</summary>
public sealed record PutEventReport(string Id, string Source, string DetailType, IReadOnlyList<string> MatchedRules);

/// <summary>An execution a rule started, as it ended.</summary>
public sealed record StartedExecutionReport(
    string Rule, string ExecutionArn, string Name, string Status, string? Error, string? Cause, JsonNode? Input, JsonNode? Output);

/// <summary>A function a rule invoked: its output, or its error.</summary>
public sealed record InvokedFunctionReport(string Rule, string Function, string? Error, JsonNode? Output);

/// <summary>A matched rule whose target could not be given an input (EventBridge counts a failed invocation).</summary>
public sealed record FailedDeliveryReport(string Rule, string Problem);
