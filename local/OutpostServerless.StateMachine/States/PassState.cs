using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;

namespace OutpostServerless.StateMachine.States;

/// <summary>A Pass state: InputPath, Parameters, then Result (or the effective input) as a virtual task result placed by ResultPath, then OutputPath.</summary>
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
        var effectiveInput = InputPath.Apply(scope);
        if (Parameters is not null)
        {
            effectiveInput = Parameters.Evaluate(scope.WithInput(effectiveInput));
        }

        var result = HasResult ? JsonText.Clone(Result) : effectiveInput;
        var combined = ResultPath.Apply(input, result);
        return Task.FromResult(Complete(OutputPath.Apply(scope.WithInput(combined))));
    }
}
