using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine;

/// <summary>
/// How an execution ended, as DescribeExecution and GetExecutionHistory would report it.
/// <see cref="Status"/> is one of <see cref="ExecutionStatus"/>; <see cref="StateTransitions"/> counts as
/// AWS bills (one per state entered, one more per retry); the dates are clock time.
/// </summary>
public sealed record ExecutionResult(
    string Status,
    JsonNode? Output,
    string? Error,
    string? Cause,
    IReadOnlyList<HistoryEvent> History,
    int StateTransitions,
    DateTimeOffset StartDate,
    DateTimeOffset StopDate)
{
    public string ExecutionArn { get; init; } = string.Empty;

    public string ExecutionName { get; init; } = string.Empty;

    public TimeSpan Duration => StopDate - StartDate;
}
