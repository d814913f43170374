using OutpostServerless.Emulator;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Chaos;

/// <summary>
/// How one chaos run ended and what it left: <see cref="Duplicates"/> counts resources beyond the
/// request at the worst moment of the run; <see cref="Leaked"/> is what a failed run left behind (or an
/// untagged resource any run made); <see cref="Missing"/> is what a succeeded run should own but does not.
/// </summary>
public sealed record ChaosRunResult
{
    public required ChaosScenario Scenario { get; init; }
    public required string Status { get; init; }
    public string? Error { get; init; }
    public string? Cause { get; init; }
    public required int StateTransitions { get; init; }
    public required IReadOnlyDictionary<string, int> StatesEntered { get; init; }
    public required IReadOnlyDictionary<string, int> ApiCalls { get; init; }
    public required IReadOnlyDictionary<InvocationFault, int> Faults { get; init; }
    public required IReadOnlyDictionary<string, int> Duplicates { get; init; }
    public required IReadOnlyList<EmulatedResource> Leaked { get; init; }
    public required IReadOnlyDictionary<string, int> Missing { get; init; }
    public required double VirtualSeconds { get; init; }

    public bool Succeeded => Status == ExecutionStatus.Succeeded;

    /// <summary>SUCCEEDED with exactly the expected inventory, nothing duplicated, nothing untagged.</summary>
    public bool SucceededExactly => Succeeded && Missing.Count == 0 && Duplicates.Count == 0 && Leaked.Count == 0;

    /// <summary>FAILED, with nothing left behind and nothing duplicated on the way.</summary>
    public bool FailedClean => !Succeeded && Leaked.Count == 0 && Duplicates.Count == 0;
}
