using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;

namespace OutpostServerless.StateMachine.States;

/// <summary>How a state ended: moving on to <c>Next</c>, ending its scope (End or Succeed), or failing.</summary>
internal abstract record StateOutcome;

internal sealed record StateTransition(string Next, JsonNode? Output) : StateOutcome;

internal sealed record StateFinished(JsonNode? Output) : StateOutcome;

internal sealed record StateFailed(StatesException Error) : StateOutcome;
