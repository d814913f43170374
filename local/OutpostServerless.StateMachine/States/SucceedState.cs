using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.Queries;

namespace OutpostServerless.StateMachine.States;

/// <summary>A Succeed state: ends its scope successfully with its input (InputPath/OutputPath-filtered, or shaped by a JSONata Output).</summary>
internal sealed class SucceedState : State
{
    public override string Type => "Succeed";

    public override bool OutputMayGrow => UsesJsonata && Output is not null;

    public override Task<StateOutcome> ExecuteAsync(StateRun run, JsonNode? input)
    {
        var scope = run.Scope(input);
        if (UsesJsonata)
        {
            var (shaped, _) = Shape(JsonataStep.OnInput(run, scope), input);
            return Task.FromResult<StateOutcome>(new StateFinished(shaped));
        }

        var effectiveInput = InputPath.Apply(scope);
        run.Observe(DataFlowStage.AfterInputPath, effectiveInput);
        var output = OutputPath.Apply(scope.WithInput(effectiveInput));
        return Task.FromResult<StateOutcome>(new StateFinished(output));
    }
}
