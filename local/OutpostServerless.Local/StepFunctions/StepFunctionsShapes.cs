using System.Text.Json.Nodes;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.StepFunctions;

/// <summary>Step Functions' output shapes (botocore <c>stepfunctions</c> 2016-11-23), timestamps as epoch seconds as awsJson sends them.</summary>
internal static class StepFunctionsShapes
{
    public static JsonObject StateMachine(LocalStateMachine machine) => new()
    {
        ["stateMachineArn"] = machine.Arn,
        ["name"] = machine.Name,
        ["status"] = "ACTIVE",
        ["definition"] = machine.Definition,
        ["roleArn"] = machine.RoleArn,
        ["type"] = machine.Type,
        ["creationDate"] = ExecutionDescription.EpochSeconds(machine.CreationDate),
        ["loggingConfiguration"] = new JsonObject { ["level"] = "OFF", ["includeExecutionData"] = false },
        ["tracingConfiguration"] = new JsonObject { ["enabled"] = false },
    };

    public static JsonObject StateMachineListItem(LocalStateMachine machine) => new()
    {
        ["stateMachineArn"] = machine.Arn,
        ["name"] = machine.Name,
        ["type"] = machine.Type,
        ["creationDate"] = ExecutionDescription.EpochSeconds(machine.CreationDate),
    };

    public static JsonObject Execution(ExecutionDescription execution)
    {
        var json = ExecutionListItem(execution);
        json["input"] = WireJson.Text(execution.Input);
        json["inputDetails"] = new JsonObject { ["included"] = true };
        if (!execution.IsRunning)
        {
            json["outputDetails"] = new JsonObject { ["included"] = true };
        }

        if (execution.Output is not null)
        {
            json["output"] = WireJson.Text(execution.Output);
        }

        if (execution.Error is not null)
        {
            json["error"] = execution.Error;
        }

        if (execution.Cause is not null)
        {
            json["cause"] = execution.Cause;
        }

        return json;
    }

    public static JsonObject ExecutionListItem(ExecutionDescription execution)
    {
        var json = new JsonObject
        {
            ["executionArn"] = execution.ExecutionArn,
            ["stateMachineArn"] = execution.StateMachineArn,
            ["name"] = execution.Name,
            ["status"] = execution.Status,
            ["startDate"] = ExecutionDescription.EpochSeconds(execution.StartDate),
        };
        if (execution.StopDate is { } stopped)
        {
            json["stopDate"] = ExecutionDescription.EpochSeconds(stopped);
        }

        return json;
    }

    /// <summary>A HistoryEvent; without execution data (<c>includeExecutionData: false</c>) its details lose input and output.</summary>
    public static JsonObject HistoryEvent(HistoryEvent written, bool includeExecutionData)
    {
        var json = written.ToJson();
        json["timestamp"] = ExecutionDescription.EpochSeconds(written.Timestamp);
        if (!includeExecutionData && written.DetailsName is { } detailsName && json[detailsName] is JsonObject details)
        {
            details.Remove("input");
            details.Remove("output");
        }

        return json;
    }
}
