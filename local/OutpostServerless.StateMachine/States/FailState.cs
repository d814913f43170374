using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.Intrinsics;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;

namespace OutpostServerless.StateMachine.States;

/// <summary>
/// A Fail state: stops its scope with an error name and cause, fixed (Error, Cause) or read from the input
/// (ErrorPath, CausePath — a path or an intrinsic that yields a string).
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

    public override Task<StateOutcome> ExecuteAsync(StateRun run, JsonNode? input)
    {
        var scope = run.Scope(input);
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
                throw StatesException.Runtime($"The JSONPath '{path.Text}' specified for the field '{field}' could not be found in the input '{JsonText.Serialize(scope.Input)}'");
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
