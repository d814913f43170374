namespace OutpostServerless.StateMachine.States;

/// <summary>A States block with its StartAt: the whole machine, a Parallel branch, or a Map item processor.</summary>
internal sealed class StateScope(string startAt, IReadOnlyList<State> states)
{
    public string StartAt { get; } = startAt;

    /// <summary>In definition order.</summary>
    public IReadOnlyList<State> Ordered { get; } = states;

    public IReadOnlyDictionary<string, State> States { get; } = states.ToDictionary(s => s.Name, StringComparer.Ordinal);
}
