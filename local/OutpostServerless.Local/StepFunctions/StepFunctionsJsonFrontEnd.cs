using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.StepFunctions;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.StepFunctions;

/// <summary>
/// AWS Step Functions over awsJson1_0 (<c>X-Amz-Target: AWSStepFunctions.{Operation}</c>) on the emulator's
/// endpoint, answered by <see cref="LocalStepFunctions"/>: its errors go out with Step Functions' own
/// <c>__type</c> (<c>com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist</c>), which the SDKs and the CLI shorten to the code.
/// </summary>
internal sealed class StepFunctionsJsonFrontEnd(LocalStepFunctions stepFunctions)
    : AwsJsonFrontEnd(Service, StepFunctionsClient.TargetPrefix, "1.0", "Step Functions")
{
    private const string Service = "states";

    /// <summary>ListExecutions' and GetExecutionHistory's page size when maxResults is absent or 0 (botocore: "the default is 100").</summary>
    private const int DefaultPageSize = 100;

    protected override async Task<byte[]?> InvokeAsync(string operation, WireRequest request, CancellationToken cancellationToken)
    {
        var members = RequestMembers.Parse(request, Service);
        try
        {
            if (operation == "TestState")
            {
                var tested = await stepFunctions.TestStateAsync(TestStateRequest.Read(members), cancellationToken);
                return JsonSerializer.SerializeToUtf8Bytes(TestStateOutput.Of(tested), StepFunctionsJsonContext.Wire.TestStateOutput);
            }

            var answer = operation switch
            {
                "ListStateMachines" => ListStateMachines(members),
                "DescribeStateMachine" => StepFunctionsShapes.StateMachine(stepFunctions.DescribeStateMachine(members.Required("stateMachineArn"))),
                "CreateStateMachine" => CreateStateMachine(members),
                "DeleteStateMachine" => DeleteStateMachine(members),
                "StartExecution" => StartExecution(members),
                "DescribeExecution" => StepFunctionsShapes.Execution(stepFunctions.DescribeExecution(members.Required("executionArn"))),
                "ListExecutions" => ListExecutions(members),
                "GetExecutionHistory" => GetExecutionHistory(members),
                "StopExecution" => await StopExecutionAsync(members, cancellationToken),
                "SendTaskSuccess" => Done(() => stepFunctions.SendTaskSuccess(members.Required("taskToken"), members.Required("output"))),
                "SendTaskFailure" => Done(() => stepFunctions.SendTaskFailure(members.Required("taskToken"), members.Optional("error"), members.Optional("cause"))),
                "SendTaskHeartbeat" => Done(() => stepFunctions.SendTaskHeartbeat(members.Required("taskToken"))),
                _ => null,
            };
            return answer is null ? null : Encoding.UTF8.GetBytes(WireJson.Text(answer));
        }
        catch (StepFunctionsException refused)
        {
            throw new AwsServiceError(Service, refused.Type, refused.Message);
        }
    }

    private JsonObject ListStateMachines(RequestMembers members)
    {
        var (page, next) = PageToken.Page(stepFunctions.StateMachines, members.Optional("nextToken"), PageSize(members));
        return WithNextToken(new JsonObject { ["stateMachines"] = new JsonArray([.. page.Select(StepFunctionsShapes.StateMachineListItem)]) }, next);
    }

    private JsonObject CreateStateMachine(RequestMembers members)
    {
        var machine = stepFunctions.CreateStateMachine(members.Required("name"), members.Required("definition"), members.Required("roleArn"), members.OneOf("type", "STANDARD", "EXPRESS"));
        return new JsonObject { ["stateMachineArn"] = machine.Arn, ["creationDate"] = ExecutionDescription.EpochSeconds(machine.CreationDate) };
    }

    private JsonObject DeleteStateMachine(RequestMembers members)
    {
        stepFunctions.DeleteStateMachine(members.Required("stateMachineArn"));
        return [];
    }

    private JsonObject StartExecution(RequestMembers members)
    {
        var input = ExecutionInput.Parse(members.Optional("input"));
        var started = stepFunctions.StartExecution(members.Required("stateMachineArn"), members.Optional("name"), input);
        return new JsonObject { ["executionArn"] = started.ExecutionArn, ["startDate"] = ExecutionDescription.EpochSeconds(started.StartDate) };
    }

    private JsonObject ListExecutions(RequestMembers members)
    {
        var machineArn = members.Optional("stateMachineArn")
            ?? throw new StepFunctionsException("ValidationException", "Must provide a StateMachine ARN or MapRun ARN");
        var status = members.OneOf("statusFilter", ExecutionStatus.Running, ExecutionStatus.Succeeded, ExecutionStatus.Failed, ExecutionStatus.TimedOut, ExecutionStatus.Aborted, ExecutionStatus.PendingRedrive);
        var (page, next) = PageToken.Page(stepFunctions.ListExecutions(machineArn, status), members.Optional("nextToken"), PageSize(members));
        return WithNextToken(new JsonObject { ["executions"] = new JsonArray([.. page.Select(StepFunctionsShapes.ExecutionListItem)]) }, next);
    }

    private JsonObject GetExecutionHistory(RequestMembers members)
    {
        var history = stepFunctions.History(members.Required("executionArn"));
        var ordered = members.Boolean("reverseOrder") == true ? [.. history.Reverse()] : history;
        var (page, next) = PageToken.Page(ordered, members.Optional("nextToken"), PageSize(members));
        var includeData = members.Boolean("includeExecutionData") ?? true;
        return WithNextToken(new JsonObject { ["events"] = new JsonArray([.. page.Select(e => StepFunctionsShapes.HistoryEvent(e, includeData))]) }, next);
    }

    private async Task<JsonObject> StopExecutionAsync(RequestMembers members, CancellationToken cancellationToken)
    {
        var stopped = await stepFunctions.StopExecutionAsync(members.Required("executionArn"), members.Optional("error"), members.Optional("cause"), cancellationToken);
        return new JsonObject { ["stopDate"] = ExecutionDescription.EpochSeconds(stopped.StopDate ?? stopped.StartDate) };
    }

    /// <summary>An operation whose output is empty (<c>{}</c>).</summary>
    private static JsonObject Done(Action operation)
    {
        operation();
        return [];
    }

    private static int PageSize(RequestMembers members) => members.Integer("maxResults", 0, 1000) is { } max and > 0 ? max : DefaultPageSize;

    private static JsonObject WithNextToken(JsonObject page, string? nextToken)
    {
        if (nextToken is not null)
        {
            page["nextToken"] = nextToken;
        }

        return page;
    }
}
