using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Execution;

namespace OutpostServerless.StateMachine.States;

/// <summary>A Succeed state: ends its scope successfully with its (InputPath/OutputPath-filtered) input.</summary>
internal sealed class SucceedState : State
{
    public override string Type => "Succeed";

    public override bool OutputMayGrow => false;

    public override Task<StateOutcome> ExecuteAsync(StateRun run, JsonNode? input)
    {
        var scope = run.Scope(input);
        var output = OutputPath.Apply(scope.WithInput(InputPath.Apply(scope)));
        return Task.FromResult<StateOutcome>(new StateFinished(output));
    }
}
