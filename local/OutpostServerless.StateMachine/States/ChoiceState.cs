using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Choice;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.Queries;

namespace OutpostServerless.StateMachine.States;

/// <summary>
/// A Choice state: the first Choice Rule (JSONPath) or Condition (JSONata) that holds picks Next, and that
/// rule's Assign and Output apply; else Default, with the state's own Assign and Output; else
/// States.NoChoiceMatched. Later rules are never evaluated once one matched.
/// </summary>
internal sealed class ChoiceState : State
{
    public override string Type => "Choice";

    public override bool OutputMayGrow => UsesJsonata;

    public required IReadOnlyList<ChoiceBranch> Choices { get; init; }

    public string? Default { get; init; }

    public override IEnumerable<(string Field, string Target)> Transitions =>
        Choices.Select((c, i) => ($"Choices[{i}].Next", c.Next))
            .Concat(Default is null ? [] : [("Default", Default)]);

    public override Task<StateOutcome> ExecuteAsync(StateRun run, JsonNode? input) =>
        Task.FromResult<StateOutcome>(UsesJsonata ? ChooseJsonata(run, input) : ChoosePaths(run, input));

    private StateTransition ChoosePaths(StateRun run, JsonNode? input)
    {
        var scope = run.Scope(input);
        var testScope = scope.WithInput(InputPath.Apply(scope));
        run.Observe(DataFlowStage.AfterInputPath, testScope.Input);
        var matched = Choices.FirstOrDefault(c => c.Rule!.Matches(testScope));
        var next = matched?.Next ?? DefaultOrFail();
        var assigned = matched is null ? Assign?.Evaluate(testScope) : matched.Assign?.Evaluate(testScope);
        return new StateTransition(next, OutputPath.Apply(testScope), assigned);
    }

    private StateTransition ChooseJsonata(StateRun run, JsonNode? input)
    {
        var step = JsonataStep.OnInput(run, run.Scope(input));
        for (var i = 0; i < Choices.Count; i++)
        {
            var branch = Choices[i];
            if (JsonataFields.Boolean(step, branch.Condition!, $"Choices[{i}]/Condition"))
            {
                var assigned = branch.Assign?.Evaluate(step, $"Choices[{i}]/Assign");
                var output = branch.Output is null ? input : branch.Output.Evaluate(step, $"Choices[{i}]/Output");
                return new StateTransition(branch.Next, output, assigned);
            }
        }

        var next = DefaultOrFail();
        var (shaped, assignedByState) = Shape(step, input);
        return new StateTransition(next, shaped, assignedByState);
    }

    private string DefaultOrFail() =>
        Default ?? throw new StatesException(StatesErrorNames.NoChoiceMatched, $"No Choice Rule matched the input of state '{Name}' and it has no Default.");
}
