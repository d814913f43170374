using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Queries;
using OutpostServerless.StateMachine.Variables;

namespace OutpostServerless.StateMachine.States;

/// <summary>
/// A Parallel state: every branch gets the effective input (after Parameters); the result is the array of
/// branch outputs in branch order. The first branch to fail fails the state with its own error and cause,
/// and the other branches are stopped.
/// </summary>
internal sealed class ParallelState : RetryableState
{
    public override string Type => "Parallel";

    public override string? AbortedEventType => HistoryEventTypes.ParallelStateAborted;

    public required IReadOnlyList<StateScope> Branches { get; init; }

    public PayloadTemplate? Parameters { get; init; }

    /// <summary>JSONata: what every branch gets as input (default: the state input).</summary>
    public JsonataTemplate? Arguments { get; init; }

    protected override async Task<JsonNode?> ProduceResultAsync(StateRun run, PathScope scope, int retryCount)
    {
        var input = UsesJsonata
            ? Arguments is null ? scope.Input : Arguments.Evaluate(JsonataStep.OnInput(run, scope), "Arguments")
            : Parameters is null ? scope.Input : Parameters.Evaluate(scope);
        run.Record(HistoryEventTypes.ParallelStateStarted);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(run.CancellationToken);
        StatesException? firstFailure = null;
        var results = await run.Timeline.ForkJoinAsync(run.Strand, Branches.Count, maxConcurrency: 0, async (index, strand) =>
        {
            try
            {
                var result = await ScopeRunner.RunAsync(Branches[index], JsonText.Clone(input), run.Execution, strand, run.Cursor.Fork(), new VariableScope(run.Variables), stop.Token).ConfigureAwait(false);
                if (result is BranchResult.Failed failed)
                {
                    Interlocked.CompareExchange(ref firstFailure, failed.Error, null);
                    stop.Cancel();
                }

                return result;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !run.CancellationToken.IsCancellationRequested)
            {
                return new BranchResult.Cancelled();
            }
        }).ConfigureAwait(false);

        run.Cursor.LastEventId = run.Execution.History.LastEventId;
        run.CancellationToken.ThrowIfCancellationRequested();
        if (firstFailure is not null)
        {
            throw firstFailure;
        }

        run.Record(HistoryEventTypes.ParallelStateSucceeded);
        return JsonText.ArrayOf(results.Select(r => ((BranchResult.Succeeded)r).Output));
    }

    protected override void OnAttemptsExhausted(StateRun run) => run.Record(HistoryEventTypes.ParallelStateFailed);
}
