using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine.Paths;

/// <summary>What the context object says about the execution and its state machine (RoleArn null for a TestState without a role, as AWS shows it).</summary>
internal sealed record ExecutionIdentity(
    string ExecutionArn,
    string ExecutionName,
    JsonNode? Input,
    DateTimeOffset StartTime,
    string? RoleArn,
    string StateMachineArn,
    string StateMachineName);
