namespace OutpostServerless.StateMachine;

/// <summary>
/// A test case of a MockConfigFile: for each mocked Task state, the name of its MockedResponses entry and
/// that entry's responses by invocation number.
/// </summary>
public sealed class MockTestCase(string stateMachine, string name, IReadOnlyDictionary<string, MockedStateResponses> states)
{
    public string StateMachine { get; } = stateMachine;

    public string Name { get; } = name;

    /// <summary>The mocked states, by state name.</summary>
    public IReadOnlyDictionary<string, MockedStateResponses> States { get; } = states;
}
