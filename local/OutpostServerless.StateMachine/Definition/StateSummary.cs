namespace OutpostServerless.StateMachine;

/// <summary>
/// A state as a graph node, for tools that draw or list the machine: its type, the states it can go to
/// (with the field naming each edge: Next, Default, Choices[0].Next, Catch[0].Next), and where it sits
/// (<see cref="Parent"/> is the enclosing Parallel or Map state, null at the top level).
/// </summary>
public sealed record StateSummary(
    string Name,
    string Type,
    string? Comment,
    bool IsEnd,
    string? Resource,
    string? Parent,
    int? BranchIndex,
    IReadOnlyList<StateEdge> Edges);

/// <summary>A transition from one state to another.</summary>
public sealed record StateEdge(string Field, string Target);
