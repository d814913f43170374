using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Queries;
using OutpostServerless.StateMachine.Retry;

namespace OutpostServerless.StateMachine.States;

/// <summary>
/// Task, Parallel and Map: states that produce a result and may Retry and Catch. Each attempt runs the
/// data flow in AWS order — JSONPath: InputPath, (Parameters), the work, ResultSelector, Assign (on the
/// selected result), ResultPath (on the raw input), OutputPath; JSONata: (Arguments), the work, then Assign
/// and Output on <c>$states.result</c>. A failed attempt goes to the first Retrier whose ErrorEquals takes
/// the error; when that Retrier is spent (or none applies), to the first matching Catcher; else the state fails.
/// </summary>
internal abstract class RetryableState : State
{
    public ResultHandling Results { get; init; } = ResultHandling.None;

    public IReadOnlyList<Retrier> Retry => Results.Retry;

    public IReadOnlyList<Catcher> Catch => Results.Catch;

    public PayloadTemplate? ResultSelector => Results.ResultSelector;

    public ResultPath ResultPath => Results.ResultPath;

    public override IEnumerable<(string Field, string Target)> Transitions =>
        base.Transitions.Concat(Catch.Select((c, i) => ($"Catch[{i}].Next", c.Next)));

    public sealed override async Task<StateOutcome> ExecuteAsync(StateRun run, JsonNode? input)
    {
        // Retry counts live for this visit of the state only: a later visit starts afresh. TestState may say
        // how many retries were made already (only one Retrier takes a given error, so all start there).
        var inspector = run.Execution.Inspector;
        var retryCount = inspector?.RetriesMade ?? 0;
        var attempts = new int[Retry.Count];
        if (retryCount > 0)
        {
            Array.Fill(attempts, retryCount);
        }

        while (true)
        {
            try
            {
                var context = run.Context.WithRetryCount(retryCount);
                var scope = run.Scope(input, context);
                // A mocked Map or Parallel (TestState) skips its work, and AWS shows no InputPath or result stage for it.
                var mocked = inspector?.MockedWork is not null;
                if (UsesJsonata)
                {
                    var produced = mocked ? inspector!.MockedResult() : await ObservedResultAsync(run, scope, retryCount).ConfigureAwait(false);
                    var (output, assigned) = Shape(JsonataStep.OnResult(run, scope, produced), produced);
                    return Complete(output, assigned);
                }

                JsonNode? result;
                if (mocked)
                {
                    result = inspector!.MockedResult();
                }
                else
                {
                    var effectiveInput = InputPath.Apply(scope);
                    run.Observe(DataFlowStage.AfterInputPath, effectiveInput);
                    result = await ObservedResultAsync(run, scope.WithInput(effectiveInput), retryCount).ConfigureAwait(false);
                }

                var selected = ResultSelector is null ? result : ResultSelector.Evaluate(scope.WithInput(result));
                run.Observe(DataFlowStage.AfterResultSelector, selected);
                var assignedVariables = Assign?.Evaluate(scope.WithInput(selected));
                var combined = ResultPath.Apply(input, selected);
                run.Observe(DataFlowStage.AfterResultPath, combined);
                return Complete(OutputPath.Apply(scope.WithInput(combined)), assignedVariables);
            }
            catch (StatesException error) when (!run.CancellationToken.IsCancellationRequested)
            {
                if (error.IsTerminal)
                {
                    return new StateFailed(error);
                }

                var retrier = Retry.Select((r, i) => (Retrier: r, Index: i)).FirstOrDefault(r => ErrorMatcher.Matches(r.Retrier.ErrorEquals, error));
                if (retrier.Retrier is not null && attempts[retrier.Index] < retrier.Retrier.MaxAttempts)
                {
                    var number = ++attempts[retrier.Index];
                    var backoff = retrier.Retrier.DelayBefore(number, run.Execution.Random);
                    if (inspector is not null)
                    {
                        // TestState runs one attempt: it reports the retry rather than making it (status RETRIABLE).
                        inspector.Retrying(retrier.Index, backoff);
                        return new StateFailed(error);
                    }

                    retryCount++;
                    run.Execution.CountTransition();
                    await run.Strand.DelayAsync(backoff, run.CancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (retrier.Retrier is not null)
                {
                    inspector?.RetriesExhausted(retrier.Index);
                }

                OnAttemptsExhausted(run);
                return CatchOrFail(run, input, error);
            }
        }
    }

    /// <summary>
    /// The state's own work on its effective input (<paramref name="scope"/>.Input): invoke the task, run
    /// the branches, run the iterations. Failures are thrown as StatesException after their events are written.
    /// </summary>
    protected abstract Task<JsonNode?> ProduceResultAsync(StateRun run, PathScope scope, int retryCount);

    private async Task<JsonNode?> ObservedResultAsync(StateRun run, PathScope scope, int retryCount)
    {
        var result = await ProduceResultAsync(run, scope, retryCount).ConfigureAwait(false);
        run.Observe(DataFlowStage.Result, result);
        return result;
    }

    /// <summary>Called once no retry is left, before catching (Parallel and Map write their *StateFailed event).</summary>
    protected virtual void OnAttemptsExhausted(StateRun run)
    {
    }

    private StateOutcome CatchOrFail(StateRun run, JsonNode? input, StatesException error)
    {
        var catcher = Catch.FirstOrDefault(c => ErrorMatcher.Matches(c.ErrorEquals, error));
        if (catcher is null)
        {
            return new StateFailed(error);
        }

        run.Execution.Inspector?.CaughtBy(catcher.Index, error);
        var errorOutput = new JsonObject { ["Error"] = error.Error, ["Cause"] = error.Cause ?? string.Empty };
        try
        {
            if (UsesJsonata)
            {
                // $states.input is the state's input; $states.errorOutput the error. A failure here is not caught again.
                var step = JsonataStep.OnError(run, run.Scope(input), errorOutput);
                var assigned = catcher.Assign?.Evaluate(step, $"Catch[{catcher.Index}]/Assign");
                var output = catcher.Output is null ? errorOutput : catcher.Output.Evaluate(step, $"Catch[{catcher.Index}]/Output");
                return new StateTransition(catcher.Next, output, assigned);
            }

            // The Error Output goes into the raw input at the catcher's ResultPath; OutputPath does not apply.
            var assignedVariables = catcher.Assign?.Evaluate(run.Scope(errorOutput));
            return new StateTransition(catcher.Next, catcher.ResultPath.Apply(input, errorOutput), assignedVariables);
        }
        catch (StatesException placementError)
        {
            return new StateFailed(placementError);
        }
    }
}
