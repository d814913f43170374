using System.Text.Json.Nodes;
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

        using var branches = new FailFastForkJoin(run);
        var results = await branches.RunAsync(Branches.Count, maxConcurrency: 0, async (index, strand) =>
        {
            try
            {
                var result = await ScopeRunner.RunAsync(Branches[index], JsonText.Clone(input), run.Execution, strand, run.Cursor.Fork(), new VariableScope(run.Variables), branches.Stop).ConfigureAwait(false);
                if (result is BranchResult.Failed failed)
                {
                    branches.Fail(failed.Error);
                }

                return result;
            }
            catch (OperationCanceledException) when (branches.IsStopped && !run.CancellationToken.IsCancellationRequested)
            {
                return new BranchResult.Cancelled();
            }
        }).ConfigureAwait(false);

        run.Record(HistoryEventTypes.ParallelStateSucceeded);
        return results;
    }

    protected override void OnAttemptsExhausted(StateRun run) => run.Record(HistoryEventTypes.ParallelStateFailed);
}
