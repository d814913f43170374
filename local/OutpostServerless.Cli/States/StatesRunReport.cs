using System.Text.Json.Nodes;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.States;

/// <summary>
/// <c>states run --json</c>: the fields DescribeExecution returns (input and output as JSON text, as the API
/// gives them) plus <c>stateTransitions</c> and GetExecutionHistory's <c>events</c>.
/// </summary>
internal static class StatesRunReport
{
    public static JsonObject ToJson(ExecutionResult result, string stateMachineArn, JsonNode? input)
    {
        var report = new JsonObject
        {
            ["executionArn"] = result.ExecutionArn,
            ["stateMachineArn"] = stateMachineArn,
            ["name"] = result.ExecutionName,
            ["status"] = result.Status,
            ["startDate"] = result.StartDate.UtcDateTime.ToString("O"),
            ["stopDate"] = result.StopDate.UtcDateTime.ToString("O"),
            ["input"] = input?.ToJsonString() ?? "null",
        };
        if (result.Status == ExecutionStatus.Succeeded)
        {
            report["output"] = result.Output?.ToJsonString() ?? "null";
        }

        if (result.Error is not null)
        {
            report["error"] = result.Error;
        }

        if (result.Cause is not null)
        {
            report["cause"] = result.Cause;
        }

        report["stateTransitions"] = result.StateTransitions;
        report["events"] = new JsonArray(result.History.Select(e => (JsonNode?)e.ToJson()).ToArray());
        return report;
    }
}
