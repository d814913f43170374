using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.Intrinsics;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Queries;

namespace OutpostServerless.StateMachine.States;

/// <summary>
/// A Fail state: stops its scope with an error name and cause, fixed (Error, Cause), read from the input
/// (ErrorPath, CausePath — a path or an intrinsic that yields a string), or, in JSONata, computed by an
/// expression that must yield a string.
/// </summary>
internal sealed class FailState : State
{
    public override string Type => "Fail";

    public override string? ExitedEventType => null;

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public JsonPath? ErrorPath { get; init; }

    public IntrinsicCall? ErrorFunction { get; init; }

    public JsonPath? CausePath { get; init; }

    public IntrinsicCall? CauseFunction { get; init; }

    /// <summary>JSONata: <c>"Error": "{% … %}"</c>.</summary>
    public JsonataTemplate? ErrorQuery { get; init; }

    /// <summary>JSONata: <c>"Cause": "{% … %}"</c>.</summary>
    public JsonataTemplate? CauseQuery { get; init; }

    public override Task<StateOutcome> ExecuteAsync(StateRun run, JsonNode? input)
    {
        var scope = run.Scope(input);
        if (UsesJsonata && (ErrorQuery is not null || CauseQuery is not null))
        {
            var step = JsonataStep.OnInput(run, scope);
            var name = ErrorQuery is null ? Error : JsonataFields.String(step, ErrorQuery, "Error");
            var reason = CauseQuery is null ? Cause : JsonataFields.String(step, CauseQuery, "Cause");
            return Task.FromResult<StateOutcome>(new StateFailed(new StatesException(name ?? string.Empty, reason)));
        }

        // A Fail state has no InputPath, yet TestState shows the input as its afterInputPath, as AWS answers.
        run.Observe(DataFlowStage.AfterInputPath, input);
        var error = Resolve(Error, ErrorPath, ErrorFunction, scope, "ErrorPath") ?? string.Empty;
        var cause = Resolve(Cause, CausePath, CauseFunction, scope, "CausePath");
        return Task.FromResult<StateOutcome>(new StateFailed(new StatesException(error, cause)));
    }

    private static string? Resolve(string? fixedValue, JsonPath? path, IntrinsicCall? function, PathScope scope, string field)
    {
        JsonNode? value;
        if (function is not null)
        {
            value = function.Evaluate(scope);
        }
        else if (path is not null)
        {
            if (!scope.Select(path, out value))
            {
                throw StatesException.Runtime($"The JSONPath '{path.Text}' specified for the field '{field}' could not be found in the input '{JsonText.Serialize(scope.RootOf(path))}'");
            }
        }
        else
        {
            return fixedValue;
        }

        return JsonScalars.TryGetString(value, out var text)
            ? text
            : throw StatesException.Runtime($"The {field} must select a string, got '{JsonText.Serialize(value)}'");
    }
}
