using System.Text.Json.Nodes;
using OutpostServerless.Local.Workflow;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.StepFunctions;

/// <summary>
/// One execution's record in <see cref="LocalStepFunctions"/>: its history as the engine writes it (so
/// GetExecutionHistory shows a running execution's progress), and how it ended. Changed only under the owner's lock.
/// </summary>
internal sealed class ServedExecution(string arn, string stateMachineArn, string name, JsonNode? input, DateTimeOffset startDate, LocalWorkflow workflow)
{
    private readonly List<HistoryEvent> history = [];
    private ExecutionResult? result;
    private (string? Error, string? Cause)? stopRequest;

    public string Arn => arn;

    public string StateMachineArn => stateMachineArn;

    public string Name => name;

    public JsonNode? Input => input;

    public DateTimeOffset StartDate => startDate;

    public LocalWorkflow Workflow => workflow;

    /// <summary>Cancelled by StopExecution: the engine ends the execution ABORTED.</summary>
    public CancellationTokenSource Stopping { get; } = new();

    public TaskCompletionSource<ExecutionDescription> Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool HasEnded => result is not null;

    public IReadOnlyList<HistoryEvent> History => [.. history];

    public void Record(HistoryEvent written) => history.Add(written);

    /// <summary>StopExecution: the error and cause DescribeExecution reports for the ABORTED execution.</summary>
    public void RequestStop(string? error, string? cause) => stopRequest ??= (error, cause);

    public void End(ExecutionResult finished) => result = finished;

    public ExecutionDescription Snapshot() => new(
        arn, stateMachineArn, name,
        result?.Status ?? ExecutionDescription.Running,
        startDate,
        result?.StopDate,
        input?.DeepClone(),
        result?.Output?.DeepClone(),
        result is { Status: ExecutionStatus.Aborted } && stopRequest is { } stop ? stop.Error : result?.Error,
        result is { Status: ExecutionStatus.Aborted } && stopRequest is { } stopped ? stopped.Cause : result?.Cause);
}
