using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Clock;
using OutpostServerless.StateMachine.History;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Variables;

namespace OutpostServerless.StateMachine.Execution;

/// <summary>One visit of one state: where it runs (strand, history line), its context object and its stop signal.</summary>
internal sealed class StateRun(
    ExecutionRun execution,
    Strand strand,
    HistoryCursor cursor,
    ContextObject context,
    long enteredEventId,
    VariableScope variables,
    CancellationToken cancellationToken)
{
    public ExecutionRun Execution { get; } = execution;

    public Strand Strand { get; } = strand;

    public HistoryCursor Cursor { get; } = cursor;

    /// <summary>Cancelled when the execution stops or a sibling branch fails.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public ContextObject Context { get; } = context;

    public long EnteredEventId { get; } = enteredEventId;

    /// <summary>The variables of the States block this state belongs to.</summary>
    public VariableScope Variables { get; } = variables;

    public string StateName => Context.StateName;

    public Timeline Timeline => Execution.Timeline;

    public HistoryEvent Record(string type, EventDetail? detail = null) => Execution.History.Add(Cursor, type, detail);

    /// <summary>Reports the value after one stage of the data flow to TestState's inspector, if one watches.</summary>
    public void Observe(DataFlowStage stage, JsonNode? value) => Execution.Inspector?.Record(stage, value);

    public PathScope Scope(JsonNode? input, ContextObject? context = null) => new(input, context ?? Context, Execution.Random, Variables);
}
