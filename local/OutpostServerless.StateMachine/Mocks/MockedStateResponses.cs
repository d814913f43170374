namespace OutpostServerless.StateMachine;

/// <summary>The responses one state gets, by invocation (<c>"0"</c> first, retries and later visits after).</summary>
public sealed class MockedStateResponses(string responseName, IReadOnlyList<MockedResponse> responses)
{
    /// <summary>The MockedResponses key the test case names.</summary>
    public string ResponseName { get; } = responseName;

    /// <summary>Sorted by <see cref="MockedResponse.First"/>, contiguous from invocation 0.</summary>
    public IReadOnlyList<MockedResponse> Responses { get; } = responses;

    public int Count => Responses.Count == 0 ? 0 : Responses[^1].Last + 1;

    public MockedResponse? For(int invocation) => Responses.FirstOrDefault(r => invocation >= r.First && invocation <= r.Last);
}
