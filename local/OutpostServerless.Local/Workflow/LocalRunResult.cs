using OutpostServerless.Emulator;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.Workflow;

/// <summary>What a local run did: the execution, what exists afterwards, and what it cost.</summary>
public sealed record LocalRunResult(
    ExecutionResult Execution,
    string ProvisioningId,
    IReadOnlyList<EmulatedResource> Resources,
    IReadOnlyDictionary<string, int> ApiCalls,
    int MutatingCalls,
    double VirtualSeconds,
    double WallMilliseconds);
