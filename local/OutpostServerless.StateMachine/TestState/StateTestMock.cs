using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine;

/// <summary>
/// TestState's <c>mock</c>: the tested Task's result or error, in place of calling its resource (the Parameters
/// or Arguments are still evaluated); a Map's or Parallel's, in place of its iterations or branches (an array).
/// A mocked result is the state's raw result, used as is — for <c>arn:aws:states:::lambda:invoke</c> the whole
/// Invoke response, as AWS takes it.
/// </summary>
public abstract record StateTestMock
{
    private protected StateTestMock()
    {
    }

    /// <summary>The mocked response, for every attempt.</summary>
    internal abstract MockedResponse Response { get; }

    /// <summary><c>mock.result</c>.</summary>
    public sealed record Returns(JsonNode? Result) : StateTestMock
    {
        internal override MockedResponse Response => new MockedResponse.Return(0, int.MaxValue, Result);
    }

    /// <summary><c>mock.errorOutput</c>: <c>error</c> and <c>cause</c>.</summary>
    public sealed record Throws(string Error, string? Cause) : StateTestMock
    {
        internal override MockedResponse Response => new MockedResponse.Throw(0, int.MaxValue, Error, Cause);
    }
}
