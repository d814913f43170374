using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;

namespace OutpostServerless.StateMachine.States;

/// <summary>How a state ended: moving on to <c>Next</c>, ending its scope (End or Succeed), or failing.</summary>
internal abstract record StateOutcome;

/// <param name="Assigned">The variables the state (or its matching Choice rule or Catcher) assigns as it exits, if it has an Assign.</param>
internal sealed record StateTransition(string Next, JsonNode? Output, IReadOnlyList<KeyValuePair<string, JsonNode?>>? Assigned = null) : StateOutcome;

/// <param name="Assigned">The variables the state assigns as it exits, if it has an Assign.</param>
internal sealed record StateFinished(JsonNode? Output, IReadOnlyList<KeyValuePair<string, JsonNode?>>? Assigned = null) : StateOutcome;

internal sealed record StateFailed(StatesException Error) : StateOutcome;
