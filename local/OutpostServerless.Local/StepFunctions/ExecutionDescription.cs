using System.Text.Json.Nodes;

namespace OutpostServerless.Local.StepFunctions;

/// <summary>An execution as DescribeExecution reports it at one moment.</summary>
public sealed record ExecutionDescription(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    string Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    JsonNode? Input,
    JsonNode? Output,
    string? Error,
    string? Cause)
{
    public const string Running = "RUNNING";

    public bool IsRunning => Status == Running;

    public static double EpochSeconds(DateTimeOffset at) => Math.Round(at.ToUnixTimeMilliseconds() / 1000.0, 3);
}
