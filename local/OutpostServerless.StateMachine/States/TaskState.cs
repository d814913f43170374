using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.History;
using OutpostServerless.StateMachine.Intrinsics;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Queries;
using OutpostServerless.StateMachine.Resources;
using OutpostServerless.StateMachine.Tasks;

namespace OutpostServerless.StateMachine.States;

/// <summary>
/// A Task state: evaluates Parameters, hands the effective parameters to the <see cref="ITaskInvoker"/>,
/// and turns its outcome into a result or an error. TimeoutSeconds and HeartbeatSeconds (or their *Path
/// forms) bound the attempt from the moment it starts; exceeding them raises States.Timeout (matching
/// States.HeartbeatTimeout too when the heartbeat ran out). A <c>.waitForTaskToken</c> resource then waits
/// for SendTaskSuccess/SendTaskFailure with the attempt's token, and SendTaskHeartbeat restarts its
/// heartbeat clock; a plain invocation cannot send heartbeats, so a shorter heartbeat limit is its limit.
/// </summary>
internal sealed class TaskState : RetryableState
{
    public override string Type => "Task";

    public override string? AbortedEventType => HistoryEventTypes.TaskStateAborted;

    public required TaskResource Resource { get; init; }

    public PayloadTemplate? Parameters { get; init; }

    public int? TimeoutSeconds { get; init; }

    public JsonPath? TimeoutSecondsPath { get; init; }

    public int? HeartbeatSeconds { get; init; }

    public JsonPath? HeartbeatSecondsPath { get; init; }

    /// <summary>JSONata: what the resource is called with (default: the state input).</summary>
    public JsonataTemplate? Arguments { get; init; }

    /// <summary>JSONata: <c>"TimeoutSeconds": "{% … %}"</c>.</summary>
    public JsonataTemplate? TimeoutSecondsQuery { get; init; }

    /// <summary>JSONata: <c>"HeartbeatSeconds": "{% … %}"</c>.</summary>
    public JsonataTemplate? HeartbeatSecondsQuery { get; init; }

    protected override async Task<JsonNode?> ProduceResultAsync(StateRun run, PathScope scope, int retryCount)
    {
        // A callback task gets a fresh token per attempt, visible as $$.Task.Token while its Parameters are built.
        var callback = Resource.WaitsForTaskToken ? run.Execution.Callbacks.Issue(run.Execution.Random, run.Timeline.Now) : null;
        try
        {
            var parametersScope = callback is null ? scope : scope with { Context = scope.Context.WithTaskToken(callback.Token) };
            var (parameters, timeout, heartbeat) = UsesJsonata
                ? Jsonata(run, parametersScope)
                : (Parameters is null ? scope.Input : Parameters.Evaluate(parametersScope),
                    Seconds(TimeoutSeconds, TimeoutSecondsPath, scope, "TimeoutSecondsPath"),
                    Seconds(HeartbeatSeconds, HeartbeatSecondsPath, scope, "HeartbeatSecondsPath"));
            run.Observe(UsesJsonata ? DataFlowStage.AfterArguments : DataFlowStage.AfterParameters, parameters);
            RecordScheduled(run, parameters, timeout, heartbeat);
            RecordStarted(run);
            var startedAt = run.Timeline.Now;

            // A plain invocation cannot send heartbeats, so its heartbeat limit counts from the start like a
            // timeout; a callback task's counts from its last SendTaskHeartbeat.
            Func<TaskDeadline?> deadline = callback is null
                ? () => TaskDeadline.Earliest(startedAt, timeout, startedAt, heartbeat)
                : () => TaskDeadline.Earliest(startedAt, timeout, callback.LastHeartbeat, heartbeat);
            var (outcome, expiry) = await InvokeAsync(run, parameters, retryCount, deadline, callback?.Token).ConfigureAwait(false);
            if (expiry is null && callback is not null && outcome is TaskOutcome.Succeeded { IsFinal: false } submitted)
            {
                RecordSubmitted(run, Resource.IsLambdaInvoke ? Wrap(run, submitted.Output) : JsonText.Adopt(submitted.Output));
                (outcome, expiry) = await AwaitCallbackAsync(run, callback, deadline).ConfigureAwait(false);
            }

            if (expiry is { } expired)
            {
                RecordTimedOut(run, StatesErrorNames.Timeout, null);
                throw new StatesException(StatesErrorNames.Timeout, null) { IsHeartbeat = expired.ByHeartbeat };
            }

            switch (outcome)
            {
                case TaskOutcome.Succeeded success:
                    // A callback's output and a final (mocked) result are the result itself; a Lambda Invoke response wraps the payload.
                    var result = Resource.IsLambdaInvoke && !success.IsFinal && callback is null
                        ? Wrap(run, success.Output)
                        : JsonText.Adopt(success.Output);
                    RecordSucceeded(run, result);
                    return result;

                case TaskOutcome.Failed failure:
                    RecordFailed(run, failure.Error, failure.Cause);
                    throw new StatesException(failure.Error, failure.Cause);

                default:
                    throw new InvalidOperationException($"Unknown task outcome {outcome}");
            }
        }
        finally
        {
            callback?.Close();
        }
    }

    /// <summary>A JSONata task's Arguments (default: its input) and limits, all read from <c>$states</c> before the call.</summary>
    private (JsonNode? Arguments, int? Timeout, int? Heartbeat) Jsonata(StateRun run, PathScope scope)
    {
        if (Arguments is null && TimeoutSecondsQuery is null && HeartbeatSecondsQuery is null)
        {
            return (scope.Input, TimeoutSeconds, HeartbeatSeconds);
        }

        var step = JsonataStep.OnInput(run, scope);
        var arguments = Arguments is null ? scope.Input : Arguments.Evaluate(step, "Arguments");
        var timeout = TimeoutSecondsQuery is null ? TimeoutSeconds : (int)JsonataFields.Integer(step, TimeoutSecondsQuery, "TimeoutSeconds", min: 1);
        var heartbeat = HeartbeatSecondsQuery is null ? HeartbeatSeconds : (int)JsonataFields.Integer(step, HeartbeatSecondsQuery, "HeartbeatSeconds", min: 1);
        return (arguments, timeout, heartbeat);
    }

    private static JsonObject Wrap(StateRun run, JsonNode? payload) =>
        LambdaInvokeResponse.Wrap(payload, UuidFunction.NewUuid(run.Execution.Random), run.Timeline.Now);

    /// <summary>
    /// Waits for SendTaskSuccess/SendTaskFailure until the deadline: TimeoutSeconds from the task's start, or
    /// HeartbeatSeconds from the start or the last SendTaskHeartbeat, whichever comes first.
    /// </summary>
    private static async Task<(TaskOutcome? Outcome, TaskDeadline? Expired)> AwaitCallbackAsync(StateRun run, TaskCallback callback, Func<TaskDeadline?> deadline)
    {
        while (true)
        {
            var signal = callback.Signal;
            if (callback.Outcome is { } delivered)
            {
                return (delivered, null);
            }

            var now = run.Timeline.Now;
            var next = deadline();
            if (next is { } due && due.Due <= now)
            {
                return (null, due);
            }

            await run.Strand.WaitForSignalAsync(signal, next?.Due - now, run.CancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(TaskOutcome? Outcome, TaskDeadline? Expired)> InvokeAsync(
        StateRun run, JsonNode? parameters, int retryCount, Func<TaskDeadline?> limit, string? taskToken)
    {
        var invocation = new TaskInvocation(Resource.Arn, parameters, Name, retryCount)
        {
            ExecutionArn = run.Execution.Identity.ExecutionArn,
            TaskToken = taskToken,
        };

        // Most tasks have no time limit: they need no watchdog and no token of their own.
        if (limit() is null)
        {
            return (await InvokeGuardedAsync(run, invocation, static () => false, run.CancellationToken).ConfigureAwait(false), null);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(run.CancellationToken);
        TaskDeadline? expiredAt = null;
        var expired = 0;
        using var watchdog = new TaskWatchdog(run.Timeline, limit, due =>
        {
            expiredAt = due;
            Volatile.Write(ref expired, 1);
            try
            {
                deadline.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The attempt finished while the timer fired.
            }
        });

        var outcome = await InvokeGuardedAsync(run, invocation, () => Volatile.Read(ref expired) == 1, deadline.Token).ConfigureAwait(false);

        // A result that arrives after the deadline is too late, as on AWS.
        return Volatile.Read(ref expired) == 1 ? (null, expiredAt) : (outcome, null);
    }

    /// <summary>Calls the invoker; its own faults become task failures, and a cancellation by the deadline becomes no outcome.</summary>
    private async Task<TaskOutcome?> InvokeGuardedAsync(StateRun run, TaskInvocation invocation, Func<bool> expired, CancellationToken token)
    {
        try
        {
            var work = run.Execution.Invoker.InvokeAsync(invocation, token);
            return await run.Timeline.WithinDeadline(work, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (expired() && !run.CancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !run.CancellationToken.IsCancellationRequested)
        {
            // A fault in the invoker itself, not an error the task reported.
            var error = Resource.Kind == TaskResourceKind.LambdaFunction ? "Lambda.Unknown" : StatesErrorNames.TaskFailed;
            return TaskOutcome.Failure(error, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static int? Seconds(int? fixedSeconds, JsonPath? path, PathScope scope, string field)
    {
        if (path is null)
        {
            return fixedSeconds;
        }

        if (scope.Select(path, out var value) && JsonScalars.TryGetInteger(value, out var seconds) && seconds > 0 && seconds <= int.MaxValue)
        {
            return (int)seconds;
        }

        throw StatesException.Runtime($"The {field} '{path.Text}' must select a positive integer in the input '{JsonText.Serialize(scope.Input)}'");
    }

    private void RecordScheduled(StateRun run, JsonNode? parameters, int? timeout, int? heartbeat)
    {
        if (Resource.Kind == TaskResourceKind.LambdaFunction)
        {
            run.Record(HistoryEventTypes.LambdaFunctionScheduled, EventDetail.LambdaFunctionScheduled(Resource.Arn, parameters, timeout));
        }
        else
        {
            run.Record(HistoryEventTypes.TaskScheduled, EventDetail.TaskScheduled(Resource.ResourceType, Resource.Resource, run.Execution.Region, parameters, timeout, heartbeat));
        }
    }

    private void RecordStarted(StateRun run)
    {
        if (Resource.Kind == TaskResourceKind.LambdaFunction)
        {
            run.Record(HistoryEventTypes.LambdaFunctionStarted);
        }
        else
        {
            run.Record(HistoryEventTypes.TaskStarted, EventDetail.TaskStarted(Resource.ResourceType, Resource.Resource));
        }
    }

    private void RecordSubmitted(StateRun run, JsonNode? output) =>
        run.Record(HistoryEventTypes.TaskSubmitted, EventDetail.TaskSubmitted(Resource.ResourceType, Resource.Resource, output));

    private void RecordSucceeded(StateRun run, JsonNode? output)
    {
        if (Resource.Kind == TaskResourceKind.LambdaFunction)
        {
            run.Record(HistoryEventTypes.LambdaFunctionSucceeded, EventDetail.LambdaFunctionSucceeded(output));
        }
        else
        {
            run.Record(HistoryEventTypes.TaskSucceeded, EventDetail.TaskSucceeded(Resource.ResourceType, Resource.Resource, output));
        }
    }

    private void RecordFailed(StateRun run, string error, string? cause)
    {
        if (Resource.Kind == TaskResourceKind.LambdaFunction)
        {
            run.Record(HistoryEventTypes.LambdaFunctionFailed, EventDetail.LambdaFunctionFailed(error, cause));
        }
        else
        {
            run.Record(HistoryEventTypes.TaskFailed, EventDetail.TaskFailed(Resource.ResourceType, Resource.Resource, error, cause));
        }
    }

    private void RecordTimedOut(StateRun run, string error, string? cause)
    {
        if (Resource.Kind == TaskResourceKind.LambdaFunction)
        {
            run.Record(HistoryEventTypes.LambdaFunctionTimedOut, EventDetail.LambdaFunctionTimedOut(error, cause));
        }
        else
        {
            run.Record(HistoryEventTypes.TaskTimedOut, EventDetail.TaskTimedOut(Resource.ResourceType, Resource.Resource, error, cause));
        }
    }
}
