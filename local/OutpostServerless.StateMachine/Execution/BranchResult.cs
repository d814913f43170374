using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;

namespace OutpostServerless.StateMachine.Execution;

/// <summary>How a States block (the machine, a Parallel branch, a Map iteration) ended.</summary>
internal abstract record BranchResult
{
    public sealed record Succeeded(JsonNode? Output) : BranchResult;

    public sealed record Failed(StatesException Error) : BranchResult;

    /// <summary>Stopped because a sibling failed.</summary>
    public sealed record Cancelled : BranchResult;
}
