using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Clock;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.History;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.States;

namespace OutpostServerless.StateMachine.Execution;

/// <summary>Runs a States block from StartAt until a state ends it, writing the entered/exited events of each state.</summary>
internal static class ScopeRunner
{
    public static async Task<BranchResult> RunAsync(
        StateScope scope,
        JsonNode? input,
        ExecutionRun execution,
        Strand strand,
        HistoryCursor cursor,
        CancellationToken cancellationToken)
    {
        var name = scope.StartAt;
        var current = input;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = scope.States[name];
            execution.CountTransition();
            var enteredAt = execution.Timeline.Now;
            var entered = execution.History.Add(cursor, state.EnteredEventType, EventDetail.StateEntered(name, current));
            var context = new ContextObject(execution.Identity, name, enteredAt, retryCount: 0);
            var run = new StateRun(execution, strand, cursor, context, entered.Id, cancellationToken);

            StateOutcome outcome;
            try
            {
                outcome = await state.ExecuteAsync(run, current).ConfigureAwait(false);
            }
            catch (StatesException error) when (!cancellationToken.IsCancellationRequested)
            {
                outcome = new StateFailed(error);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                if (state.AbortedEventType is { } aborted)
                {
                    execution.History.Add(cursor, aborted);
                }

                throw;
            }

            switch (outcome)
            {
                case StateTransition transition:
                    execution.History.Add(cursor, state.ExitedEventType!, EventDetail.StateExited(name, transition.Output));
                    name = transition.Next;
                    current = transition.Output;
                    break;

                case StateFinished finished:
                    execution.History.Add(cursor, state.ExitedEventType!, EventDetail.StateExited(name, finished.Output));
                    return new BranchResult.Succeeded(finished.Output);

                case StateFailed failed:
                    return new BranchResult.Failed(failed.Error.AttributedTo(name, entered.Id));

                default:
                    throw new InvalidOperationException($"Unknown outcome {outcome}");
            }
        }
    }
}
