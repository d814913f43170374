using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.History;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;

namespace OutpostServerless.StateMachine.Queries;

/// <summary>
/// What the JSONata expressions of one step of a state see: <c>$states</c> (input, context, and result or
/// errorOutput where the step has one) and the workflow variables as they were when the state was entered.
/// All expressions of the step share these bindings, so each value is converted once.
/// </summary>
internal sealed class JsonataStep
{
    private readonly StateRun _run;
    private readonly Dictionary<string, JsonNode?> _bindings;
    private readonly JsonataEnvironment _environment;

    private JsonataStep(StateRun run, PathScope scope, JsonObject states)
    {
        _run = run;
        states["input"] = JsonText.Clone(scope.Input);
        states["context"] = JsonText.Clone(scope.Context.Json);
        _bindings = scope.Variables?.Visible() ?? new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        _bindings["states"] = states;
        _environment = new JsonataEnvironment(run.Timeline.Now, run.Execution.Random);
    }

    /// <summary>Before the state has a result: Arguments, Items, ItemSelector, the Wait and timeout fields, Choice conditions.</summary>
    public static JsonataStep OnInput(StateRun run, PathScope scope) => new(run, scope, []);

    /// <summary>After a Task, Map or Parallel produced its result: Output and Assign.</summary>
    public static JsonataStep OnResult(StateRun run, PathScope scope, JsonNode? result) =>
        new(run, scope, new JsonObject { ["result"] = JsonText.Clone(result) });

    /// <summary>In a Catcher that took the error: its Output and Assign.</summary>
    public static JsonataStep OnError(StateRun run, PathScope scope, JsonNode errorOutput) =>
        new(run, scope, new JsonObject { ["errorOutput"] = JsonText.Clone(errorOutput) });

    /// <summary>Evaluates one expression written in <paramref name="field"/>; nothing (undefined) fails the state.</summary>
    public JsonNode? Evaluate(IJsonataExpression expression, string text, string field)
    {
        bool defined;
        JsonNode? value;
        try
        {
            defined = expression.TryEvaluate(_bindings, _environment, out value);
        }
        catch (JsonataException e)
        {
            throw Fail(field, $"The JSONata expression '{text}' specified for the field '{field}' threw an error during evaluation. {e.Message}");
        }

        return defined
            ? value
            : throw Fail(field, $"The JSONata expression '{text}' specified for the field '{field}' returned nothing (undefined).");
    }

    /// <summary>
    /// A States.QueryEvaluationError about <paramref name="field"/>, after writing the EvaluationFailed event;
    /// catchable and retriable like any state error, with AWS's state prefix already on its cause.
    /// </summary>
    public StatesException Fail(string field, string cause)
    {
        _run.Record(HistoryEventTypes.EvaluationFailed, EventDetail.EvaluationFailed(StatesErrorNames.QueryEvaluationError, cause, field, _run.StateName));
        return new StatesException(StatesErrorNames.QueryEvaluationError, cause).PrefixedFor(_run.StateName, _run.EnteredEventId);
    }
}
