using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Choice;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Execution;

namespace OutpostServerless.StateMachine.States;

/// <summary>A Choice state: the first Choice Rule that matches the effective input picks Next; else Default; else States.NoChoiceMatched.</summary>
internal sealed class ChoiceState : State
{
    public override string Type => "Choice";

    public override bool OutputMayGrow => false;

    public required IReadOnlyList<ChoiceBranch> Choices { get; init; }

    public string? Default { get; init; }

    public override IEnumerable<(string Field, string Target)> Transitions =>
        Choices.Select((c, i) => ($"Choices[{i}].Next", c.Next))
            .Concat(Default is null ? [] : [("Default", Default)]);

    public override Task<StateOutcome> ExecuteAsync(StateRun run, JsonNode? input)
    {
        var scope = run.Scope(input);
        var effectiveInput = InputPath.Apply(scope);
        var testScope = scope.WithInput(effectiveInput);
        var next = Choices.FirstOrDefault(c => c.Rule.Matches(testScope))?.Next ?? Default
            ?? throw new StatesException(StatesErrorNames.NoChoiceMatched, $"No Choice Rule matched the input of state '{Name}' and it has no Default.");
        return Task.FromResult<StateOutcome>(new StateTransition(next, OutputPath.Apply(testScope)));
    }
}
