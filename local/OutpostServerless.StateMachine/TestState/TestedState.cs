using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Definition;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.States;

namespace OutpostServerless.StateMachine;

/// <summary>
/// The state TestState runs: a lone state definition (its transitions may name states it cannot see), or with
/// a state name the state of that name in a whole, valid state machine. Invalid definitions are refused with
/// InvalidDefinition in CreateStateMachine's words; an unknown state name with AWS's ValidationException.
/// </summary>
internal static class TestedState
{
    /// <summary>The name a lone state runs under: <c>$$.State.Name</c> is "StateName" in AWS's TestState answers.</summary>
    public const string LoneStateName = "StateName";

    public static State Parse(string definition, string? stateName, IJsonataEvaluator evaluator)
    {
        try
        {
            return stateName is null ? ParseLone(definition, evaluator) : Find(StateMachineDefinition.Parse(definition, evaluator).Root, stateName)
                ?? throw new StateTestException(StateTestErrorCode.ValidationException, "State not found in definition");
        }
        catch (DefinitionValidationException invalid)
        {
            throw new StateTestException(StateTestErrorCode.InvalidDefinition, $"Invalid State Machine Definition: '{string.Join("; ", invalid.Errors)}'");
        }
    }

    private static State ParseLone(string definition, IJsonataEvaluator evaluator)
    {
        var node = StateMachineDefinition.ParseJson(definition);
        var problems = new DefinitionProblems();
        var state = new ScopeParser(problems, QueryLanguage.JsonPath, evaluator).ParseLone(LoneStateName, node);
        return problems.Any || state is null ? throw new DefinitionValidationException([.. problems.Messages]) : state;
    }

    private static State? Find(StateScope scope, string name)
    {
        foreach (var state in scope.Ordered)
        {
            if (state.Name == name)
            {
                return state;
            }

            var nested = state switch
            {
                ParallelState parallel => parallel.Branches,
                MapState map => [map.ItemProcessor],
                _ => [],
            };
            if (nested.Select(branch => Find(branch, name)).FirstOrDefault(found => found is not null) is { } inside)
            {
                return inside;
            }
        }

        return null;
    }
}
