using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Clock;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.History;
using OutpostServerless.StateMachine.Intrinsics;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Tasks;
using OutpostServerless.StateMachine.Variables;

namespace OutpostServerless.StateMachine;

/// <summary>
/// Runs executions of a definition as AWS Step Functions would: tasks through the <see cref="ITaskInvoker"/>,
/// time through <paramref name="clock"/> — a <see cref="VirtualClock"/> for instant, deterministic runs,
/// or <see cref="TimeProvider.System"/> to wait for real. Several executions may share one clock.
/// </summary>
public sealed class StateMachineRunner(StateMachineDefinition definition, ITaskInvoker invoker, TimeProvider clock)
{
    private readonly TaskCallbacks _callbacks = new();

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
        if (!_callbacks.Find(taskToken).TryHeartbeat(clock.GetUtcNow()))
        {
            throw Closed(taskToken);
        }
    }

    /// <summary>Whether <paramref name="taskToken"/> has the shape of a token a runner issues (else SendTask* calls answer InvalidToken).</summary>
    public static bool IsWellFormedTaskToken(string taskToken) => TaskCallbacks.IsWellFormed(taskToken);

    public async Task<ExecutionResult> RunAsync(JsonNode? input, ExecutionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var timeline = Timeline.For(clock);
        var random = new SynchronizedRandom(options.Jitter ?? new Random());
        var strand = await timeline.EnterAsync().ConfigureAwait(false);
        strand.MakeCurrent();
        try
        {
            // Our own copy: the history refers to it, and the caller may change theirs.
            return await RunOnStrandAsync(JsonText.Clone(input) ?? new JsonObject(), options, timeline, random, strand, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            strand.Exit();
        }
    }

    private void Deliver(string taskToken, TaskOutcome outcome)
    {
        if (!_callbacks.Find(taskToken).TryDeliver(outcome))
        {
            throw Closed(taskToken);
        }
    }

    private static TaskTokenException Closed(string taskToken) =>
        new(TaskTokenErrorCodes.TaskTimedOut, taskToken, "Task Timed Out: 'Provided task does not exist anymore'");

    private async Task<ExecutionResult> RunOnStrandAsync(
        JsonNode input,
        ExecutionOptions options,
        Timeline timeline,
        Random random,
        Strand strand,
        CancellationToken cancellationToken)
    {
        var arn = StateMachineArn.Parse(options.StateMachineArn);
        var name = options.ExecutionName ?? UuidFunction.NewUuid(random);
        var executionArn = arn.ExecutionArn(name);
        var startDate = timeline.Now;
        var history = new ExecutionHistory(clock, options.Observer);
        var identity = new ExecutionIdentity(executionArn, name, JsonText.Clone(input), startDate, options.RoleArn, options.StateMachineArn, arn.Name);
        var execution = new ExecutionRun(timeline, invoker, history, identity, random, arn.Region, _callbacks);
        var cursor = new HistoryCursor();
        history.Add(cursor, HistoryEventTypes.ExecutionStarted, EventDetail.ExecutionStarted(input, options.RoleArn));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timedOut = 0;
        var timer = definition.TimeoutSeconds is { } seconds
            ? timeline.StartDeadline(TimeSpan.FromSeconds(seconds), () =>
            {
                Volatile.Write(ref timedOut, 1);
                try
                {
                    stop.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The execution ended as the timer fired.
                }
            })
            : null;

        string status;
        JsonNode? output = null;
        string? error = null;
        string? cause = null;
        try
        {
            var result = await ScopeRunner.RunAsync(definition.Root, input, execution, strand, cursor, new VariableScope(null), stop.Token).ConfigureAwait(false);
            if (result is BranchResult.Succeeded succeeded)
            {
                status = ExecutionStatus.Succeeded;
                output = succeeded.Output;
                history.Add(cursor, HistoryEventTypes.ExecutionSucceeded, EventDetail.ExecutionSucceeded(output));
            }
            else
            {
                var failure = ((BranchResult.Failed)result).Error;
                status = ExecutionStatus.Failed;
                error = failure.Error.Length == 0 ? null : failure.Error;
                cause = failure.Cause;
                history.Add(cursor, HistoryEventTypes.ExecutionFailed, EventDetail.ExecutionFailed(failure.Error, failure.Cause));
            }
        }
        catch (HistoryLimitReachedException full)
        {
            // Terminal, like every States.Runtime failure: no Retrier or Catcher saw it.
            status = ExecutionStatus.Failed;
            error = StatesErrorNames.Runtime;
            cause = full.Message;
            history.Add(cursor, HistoryEventTypes.ExecutionFailed, EventDetail.ExecutionFailed(error, cause));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            if (Volatile.Read(ref timedOut) == 1)
            {
                // As AWS reports it: DescribeExecution carries no error or cause, the event names States.Timeout alone.
                status = ExecutionStatus.TimedOut;
                history.Add(cursor, HistoryEventTypes.ExecutionTimedOut, EventDetail.ExecutionTimedOut(StatesErrorNames.Timeout, null));
            }
            else
            {
                status = ExecutionStatus.Aborted;
                history.Add(cursor, HistoryEventTypes.ExecutionAborted, EventDetail.ExecutionAborted());
            }
        }
        finally
        {
            timer?.Dispose();
        }

        return new ExecutionResult(status, output, error, cause, history.Snapshot(), execution.StateTransitions, startDate, timeline.Now)
        {
            ExecutionArn = executionArn,
            ExecutionName = name,
        };
    }
}
