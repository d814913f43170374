using OutpostServerless.StateMachine.Paths;

namespace OutpostServerless.StateMachine.States;

/// <summary>
/// The fields that open a state and mean the same in every type that has them: its name, Comment, where it
/// goes next (Next/End) and its InputPath/OutputPath filters. A type without a transition or filters keeps the defaults.
/// </summary>
internal sealed record StateHeader(string Name, string? Comment)
{
    /// <summary>The next state, or null when the state ends its scope (End, Succeed, Fail, Choice).</summary>
    public string? Next { get; init; }

    public bool End { get; init; }

    public InputOutputPath InputPath { get; init; } = InputOutputPath.Default;

    public InputOutputPath OutputPath { get; init; } = InputOutputPath.Default;
}
