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
public sealed class StateMachineRunner(StateMachineDefinition definition, ITaskInvoker invoker, TimeProvider clock, TaskTokens tokens)
{
    /// <summary>A runner with its own task tokens: only its own SendTask* calls reach its executions.</summary>
    public StateMachineRunner(StateMachineDefinition definition, ITaskInvoker invoker, TimeProvider clock)
        : this(definition, invoker, clock, new TaskTokens(clock))
    {
    }

    /// <summary>The task tokens this runner's executions issue (shared with other runners when given).</summary>
    public TaskTokens Tokens => tokens;

    /// <inheritdoc cref="TaskTokens.SendTaskSuccess(string, string)"/>
    public void SendTaskSuccess(string taskToken, string output) => tokens.SendTaskSuccess(taskToken, output);

    /// <inheritdoc cref="TaskTokens.SendTaskSuccess(string, string)"/>
    public void SendTaskSuccess(string taskToken, JsonNode? output) => tokens.SendTaskSuccess(taskToken, output);

    /// <inheritdoc cref="TaskTokens.SendTaskFailure(string, string?, string?)"/>
    public void SendTaskFailure(string taskToken, string? error = null, string? cause = null) => tokens.SendTaskFailure(taskToken, error, cause);

    /// <inheritdoc cref="TaskTokens.SendTaskHeartbeat(string)"/>
    public void SendTaskHeartbeat(string taskToken) => tokens.SendTaskHeartbeat(taskToken);

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
        var execution = new ExecutionRun(timeline, invoker, history, identity, random, arn.Region, tokens.Callbacks);
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
