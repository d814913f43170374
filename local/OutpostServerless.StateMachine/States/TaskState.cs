using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.History;
using OutpostServerless.StateMachine.Intrinsics;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Resources;

namespace OutpostServerless.StateMachine.States;

/// <summary>
/// A Task state: evaluates Parameters, hands the effective parameters to the <see cref="ITaskInvoker"/>,
/// and turns its outcome into a result or an error. TimeoutSeconds and HeartbeatSeconds (or their *Path
/// forms) bound the attempt from the moment it starts; exceeding them raises States.Timeout. Invokers never
/// send heartbeats, so a heartbeat limit below the timeout acts as the effective limit.
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

    protected override async Task<JsonNode?> ProduceResultAsync(StateRun run, PathScope scope, int retryCount)
    {
        var parameters = Parameters is null ? scope.Input : Parameters.Evaluate(scope);
        var timeout = Seconds(TimeoutSeconds, TimeoutSecondsPath, scope, "TimeoutSecondsPath");
        var heartbeat = Seconds(HeartbeatSeconds, HeartbeatSecondsPath, scope, "HeartbeatSecondsPath");
        RecordScheduled(run, parameters, timeout, heartbeat);
        RecordStarted(run);

        var byHeartbeat = heartbeat is { } h && (timeout is not { } t || h < t);
        var limit = byHeartbeat ? heartbeat : timeout;
        var (outcome, timedOut) = await InvokeAsync(run, parameters, retryCount, limit).ConfigureAwait(false);
        if (timedOut)
        {
            RecordTimedOut(run, StatesErrorNames.Timeout, null);
            throw new StatesException(StatesErrorNames.Timeout, null) { IsHeartbeat = byHeartbeat };
        }

        switch (outcome)
        {
            case TaskOutcome.Succeeded success:
                var result = Resource.IsLambdaInvoke
                    ? LambdaInvokeResponse.Wrap(success.Output, UuidFunction.NewUuid(run.Execution.Random), run.Timeline.Now)
                    : JsonText.Clone(success.Output);
                RecordSucceeded(run, result);
                return result;

            case TaskOutcome.Failed failure:
                RecordFailed(run, failure.Error, failure.Cause);
                throw new StatesException(failure.Error, failure.Cause);

            default:
                throw new InvalidOperationException($"Unknown task outcome {outcome}");
        }
    }

    private async Task<(TaskOutcome? Outcome, bool TimedOut)> InvokeAsync(StateRun run, JsonNode? parameters, int retryCount, int? limitSeconds)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(run.CancellationToken);
        var expired = 0;
        using var timer = limitSeconds is { } seconds
            ? run.Timeline.StartTimer(TimeSpan.FromSeconds(seconds), () =>
            {
                Volatile.Write(ref expired, 1);
                try
                {
                    deadline.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The attempt finished while the timer fired.
                }
            })
            : null;

        var invocation = new TaskInvocation(Resource.Arn, JsonText.Clone(parameters), Name, retryCount);
        TaskOutcome? outcome;
        try
        {
            var work = run.Execution.Invoker.InvokeAsync(invocation, deadline.Token);
            outcome = await run.Timeline.WithinDeadline(work, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Volatile.Read(ref expired) == 1 && !run.CancellationToken.IsCancellationRequested)
        {
            outcome = null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !run.CancellationToken.IsCancellationRequested)
        {
            // A fault in the invoker itself, not an error the task reported.
            var error = Resource.Kind == TaskResourceKind.LambdaFunction ? "Lambda.Unknown" : StatesErrorNames.TaskFailed;
            outcome = TaskOutcome.Failure(error, $"{e.GetType().Name}: {e.Message}");
        }

        // A result that arrives after the deadline is too late, as on AWS.
        return (outcome, Volatile.Read(ref expired) == 1);
    }

    private static int? Seconds(int? fixedSeconds, JsonPath? path, PathScope scope, string field)
    {
        if (path is null)
        {
            return fixedSeconds;
        }

        if (path.TrySelect(scope.Input, out var value) && JsonScalars.TryGetInteger(value, out var seconds) && seconds > 0 && seconds <= int.MaxValue)
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
