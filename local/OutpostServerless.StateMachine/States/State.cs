using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Queries;

namespace OutpostServerless.StateMachine.States;

/// <summary>A state of the machine: the fields every type shares, and how the type runs.</summary>
internal abstract class State
{
    public required StateHeader Header { get; init; }

    public string Name => Header.Name;

    public string? Comment => Header.Comment;

    /// <summary>The next state, or null when the state ends its scope (End, Succeed, Fail, Choice).</summary>
    public string? Next => Header.Next;

    public bool End => Header.End;

    public InputOutputPath InputPath => Header.InputPath;

    public InputOutputPath OutputPath => Header.OutputPath;

    /// <summary>The state's own QueryLanguage, or the machine's when it names none.</summary>
    public QueryLanguage Language { get; init; } = QueryLanguage.JsonPath;

    public bool UsesJsonata => Language == QueryLanguage.Jsonata;

    /// <summary>The variables the state sets as it exits (every type but Succeed and Fail).</summary>
    public Assignment? Assign { get; init; }

    /// <summary>A JSONata state's Output; when absent the output is the result (Task, Map, Parallel) or the input.</summary>
    public JsonataTemplate? Output { get; init; }

    /// <summary>The Type field: Task, Pass, Wait, Choice, Parallel, Map, Succeed or Fail.</summary>
    public abstract string Type { get; }

    public string EnteredEventType => Type + "StateEntered";

    /// <summary>Fail states never exit; they end the execution (or branch) on entry.</summary>
    public virtual string? ExitedEventType => Type + "StateExited";

    /// <summary>The event AWS writes when an execution stops while this state runs, if the type has one.</summary>
    public virtual string? AbortedEventType => null;

    /// <summary>
    /// False for states whose output is a part of their input (Choice, Wait, Succeed): it cannot pass the
    /// payload quota the input already met, so it is not measured again.
    /// </summary>
    public virtual bool OutputMayGrow => true;

    /// <summary>Every state this one can transition to, with the field that names it (for validation and graphs).</summary>
    public virtual IEnumerable<(string Field, string Target)> Transitions =>
        Next is null ? [] : [("Next", Next)];

    /// <summary>Runs the state on its raw input. Errors it cannot handle come back as <see cref="StateFailed"/> or a thrown StatesException.</summary>
    public abstract Task<StateOutcome> ExecuteAsync(StateRun run, JsonNode? input);

    protected StateOutcome Complete(JsonNode? output, IReadOnlyList<KeyValuePair<string, JsonNode?>>? assigned = null) =>
        End ? new StateFinished(output, assigned) : new StateTransition(Next!, output, assigned);

    /// <summary>
    /// A JSONata state's exit: Assign and Output evaluated on the same bindings (so Output does not see this
    /// state's new variables), Output defaulting to <paramref name="defaultOutput"/>.
    /// </summary>
    protected (JsonNode? Output, IReadOnlyList<KeyValuePair<string, JsonNode?>>? Assigned) Shape(JsonataStep step, JsonNode? defaultOutput)
    {
        var assigned = Assign?.Evaluate(step);
        var output = Output is null ? defaultOutput : Output.Evaluate(step, "Output");
        return (output, assigned);
    }
}
