using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Serve;

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

    /// <summary>The DescribeExecution response body: input and output as JSON text, dates in epoch seconds.</summary>
    public JsonObject ToResponse()
    {
        var response = new JsonObject
        {
            ["executionArn"] = ExecutionArn,
            ["stateMachineArn"] = StateMachineArn,
            ["name"] = Name,
            ["status"] = Status,
            ["startDate"] = EpochSeconds(StartDate),
            ["input"] = WireJson.Text(Input),
            ["inputDetails"] = new JsonObject { ["included"] = true },
        };
        if (StopDate is { } stopped)
        {
            response["stopDate"] = EpochSeconds(stopped);
        }

        if (Status == "SUCCEEDED")
        {
            response["output"] = WireJson.Text(Output);
            response["outputDetails"] = new JsonObject { ["included"] = true };
        }

        if (Error is not null)
        {
            response["error"] = Error;
        }

        if (Cause is not null)
        {
            response["cause"] = Cause;
        }

        return response;
    }

    public static double EpochSeconds(DateTimeOffset at) => Math.Round(at.ToUnixTimeMilliseconds() / 1000.0, 3);
}
