namespace OutpostServerless.StateMachine.Definition;

/// <summary>Collects every problem found while loading a definition, so one load reports them all.</summary>
internal sealed class DefinitionProblems
{
    private readonly List<string> _messages = [];

    public IReadOnlyList<string> Messages => _messages;

    public bool Any => _messages.Count > 0;

    public void Add(string message) => _messages.Add(message);
}
