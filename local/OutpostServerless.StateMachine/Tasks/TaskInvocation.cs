using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine;

/// <summary>One attempt of a Task state: its Resource string, its effective input, the state, and how many retries preceded it.</summary>
public sealed record TaskInvocation(string Resource, JsonNode? Input, string StateName, int RetryCount)
{
    /// <summary>The execution the attempt belongs to (e.g. to count a state's invocations per execution).</summary>
    public string ExecutionArn { get; init; } = string.Empty;

    /// <summary>
    /// For a <c>.waitForTaskToken</c> resource, the attempt's task token (<c>$$.Task.Token</c>): the task ends
    /// when <see cref="StateMachineRunner.SendTaskSuccess(string, string)"/> or SendTaskFailure is called with it.
    /// </summary>
    public string? TaskToken { get; init; }
}
