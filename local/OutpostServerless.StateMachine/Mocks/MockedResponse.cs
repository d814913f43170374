using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine;

/// <summary>
/// One entry of a MockedResponses sequence: for invocations <see cref="First"/> to <see cref="Last"/>
/// (0-based, inclusive; the key <c>"1-2"</c>), either <c>Return</c> a result or <c>Throw</c> an error.
/// </summary>
public abstract record MockedResponse(int First, int Last)
{
    /// <summary>The outcome the task invocation reports.</summary>
    public abstract TaskOutcome Outcome();

    /// <summary><c>{"Return": …}</c>: the state's task result as is (a Lambda Invoke mock gives the whole response, StatusCode and Payload).</summary>
    public sealed record Return(int First, int Last, JsonNode? Result) : MockedResponse(First, Last)
    {
        public override TaskOutcome Outcome() => TaskOutcome.FinalResult(Result?.DeepClone());
    }

    /// <summary><c>{"Throw": {"Error": …, "Cause": …}}</c>.</summary>
    public sealed record Throw(int First, int Last, string Error, string? Cause) : MockedResponse(First, Last)
    {
        public override TaskOutcome Outcome() => TaskOutcome.Failure(Error, Cause);
    }
}
