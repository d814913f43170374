using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine;

/// <summary>One attempt of a Task state: its Resource string, its effective input, the state, and how many retries preceded it.</summary>
public sealed record TaskInvocation(string Resource, JsonNode? Input, string StateName, int RetryCount);
