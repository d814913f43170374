using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Clock;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.History;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.States;
using OutpostServerless.StateMachine.Variables;

namespace OutpostServerless.StateMachine.Execution;

/// <summary>Runs a States block from StartAt until a state ends it, writing the entered/exited events of each state.</summary>
internal static class ScopeRunner
{
    /// <summary>AWS's quota on the data passed between states: 256 KiB of UTF-8.</summary>
    public const int MaxPayloadBytes = 262_144;

    /// <summary>An output over the payload quota fails the state with the terminal States.DataLimitExceeded, as on AWS.</summary>
    private static StatesException? Oversized(string state, StateOutcome outcome)
    {
        var output = outcome switch
        {
            StateTransition t => t.Output,
            StateFinished f => f.Output,
            _ => null,
        };
        if (!JsonSize.Exceeds(output, MaxPayloadBytes))
        {
            return null;
        }

        return new StatesException(
            StatesErrorNames.DataLimitExceeded,
            $"The state/task '{state}' returned a result with a size exceeding the maximum number of bytes service limit.");
    }

    public static async Task<BranchResult> RunAsync(
        StateScope scope,
        JsonNode? input,
        ExecutionRun execution,
        Strand strand,
        HistoryCursor cursor,
        VariableScope variables,
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
            var run = new StateRun(execution, strand, cursor, context, entered.Id, variables, cancellationToken);

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

            if (state.OutputMayGrow && outcome is StateTransition or StateFinished && Oversized(name, outcome) is { } tooLarge)
            {
                outcome = new StateFailed(tooLarge);
            }

            switch (outcome)
            {
                case StateTransition transition:
                    Assign(variables, transition.Assigned);
                    execution.History.Add(cursor, state.ExitedEventType!, EventDetail.StateExited(name, transition.Output, transition.Assigned));
                    name = transition.Next;
                    current = transition.Output;
                    break;

                case StateFinished finished:
                    Assign(variables, finished.Assigned);
                    execution.History.Add(cursor, state.ExitedEventType!, EventDetail.StateExited(name, finished.Output, finished.Assigned));
                    return new BranchResult.Succeeded(finished.Output);

                case StateFailed failed:
                    return new BranchResult.Failed(failed.Error.AttributedTo(name, entered.Id));

                default:
                    throw new InvalidOperationException($"Unknown outcome {outcome}");
            }
        }
    }

    // New values take effect as the state exits, so the next state sees them (the state itself never did).
    private static void Assign(VariableScope variables, IReadOnlyList<KeyValuePair<string, JsonNode?>>? assigned)
    {
        if (assigned is not null)
        {
            variables.Assign(assigned);
        }
    }
}
