using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Queries;

namespace OutpostServerless.StateMachine.States;

/// <summary>
/// A Pass state. JSONPath: InputPath, Parameters, then Result (or the effective input) as a virtual task
/// result placed by ResultPath, then OutputPath; Assign reads the result as <c>$</c>. JSONata: Output
/// (default: the input) and Assign.
/// </summary>
internal sealed class PassState : State
{
    public override string Type => "Pass";

    public PayloadTemplate? Parameters { get; init; }

    /// <summary>Present when the definition has a Result field (which may be JSON null).</summary>
    public bool HasResult { get; init; }

    public JsonNode? Result { get; init; }

    public ResultPath ResultPath { get; init; } = ResultPath.Default;

    public override Task<StateOutcome> ExecuteAsync(StateRun run, JsonNode? input)
    {
        var scope = run.Scope(input);
        if (UsesJsonata)
        {
            var (output, assigned) = Shape(JsonataStep.OnInput(run, scope), input);
            return Task.FromResult(Complete(output, assigned));
        }

        var effectiveInput = InputPath.Apply(scope);
        var afterInputPath = effectiveInput;
        if (Parameters is not null)
        {
            effectiveInput = Parameters.Evaluate(scope.WithInput(effectiveInput));
        }

        // As AWS's TestState reports a Pass state: with a Result, the result replaces the InputPath and
        // Parameters stages; without one, the effective input is the result and no result stage is shown.
        if (HasResult)
        {
            run.Observe(DataFlowStage.Result, Result);
        }
        else
        {
            run.Observe(DataFlowStage.AfterInputPath, afterInputPath);
            run.Observe(DataFlowStage.AfterParameters, effectiveInput);
        }

        var result = HasResult ? JsonText.Clone(Result) : effectiveInput;
        run.Observe(DataFlowStage.AfterResultSelector, result);
        var assignedVariables = Assign?.Evaluate(scope.WithInput(result));
        var combined = ResultPath.Apply(input, result);
        run.Observe(DataFlowStage.AfterResultPath, combined);
        return Task.FromResult(Complete(OutputPath.Apply(scope.WithInput(combined)), assignedVariables));
    }
}
