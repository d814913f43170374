using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Tasks;

namespace OutpostServerless.StateMachine;

/// <summary>
/// The Step Functions callback API over the task tokens of one or more runners: on AWS any token of the
/// account's executions reaches its task through one SendTaskSuccess, whichever state machine issued it,
/// so runners that stand for one account share one instance.
/// </summary>
public sealed class TaskTokens(TimeProvider clock)
{
    internal TaskCallbacks Callbacks { get; } = new();

    /// <summary>
    /// SendTaskSuccess: ends the <c>.waitForTaskToken</c> task holding <paramref name="taskToken"/> with
    /// <paramref name="output"/> (JSON text) as its result.
    /// </summary>
    /// <exception cref="TaskTokenException">InvalidToken, TaskDoesNotExist, TaskTimedOut (already closed) or InvalidOutput.</exception>
    public void SendTaskSuccess(string taskToken, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        JsonNode? result;
        try
        {
            result = JsonText.Parse(output);
        }
        catch (JsonException e)
        {
            throw new TaskTokenException(TaskTokenErrorCodes.InvalidOutput, taskToken, $"Invalid output: {e.Message}");
        }

        SendTaskSuccess(taskToken, result);
    }

    /// <inheritdoc cref="SendTaskSuccess(string, string)"/>
    public void SendTaskSuccess(string taskToken, JsonNode? output) =>
        Deliver(taskToken, TaskOutcome.Success(JsonText.Clone(output)));

    /// <summary>SendTaskFailure: fails the task holding <paramref name="taskToken"/> with this error and cause (both optional, as on AWS).</summary>
    /// <exception cref="TaskTokenException">InvalidToken, TaskDoesNotExist or TaskTimedOut.</exception>
    public void SendTaskFailure(string taskToken, string? error = null, string? cause = null) =>
        Deliver(taskToken, TaskOutcome.Failure(error ?? string.Empty, cause));

    /// <summary>SendTaskHeartbeat: restarts the HeartbeatSeconds clock of the task holding <paramref name="taskToken"/>.</summary>
    /// <exception cref="TaskTokenException">InvalidToken, TaskDoesNotExist or TaskTimedOut.</exception>
    public void SendTaskHeartbeat(string taskToken)
    {
        if (!Callbacks.Find(taskToken).TryHeartbeat(clock.GetUtcNow()))
        {
            throw Closed(taskToken);
        }
    }

    private void Deliver(string taskToken, TaskOutcome outcome)
    {
        if (!Callbacks.Find(taskToken).TryDeliver(outcome))
        {
            throw Closed(taskToken);
        }
    }

    private static TaskTokenException Closed(string taskToken) =>
        new(TaskTokenErrorCodes.TaskTimedOut, taskToken, "Task Timed Out: 'Provided task does not exist anymore'");
}
