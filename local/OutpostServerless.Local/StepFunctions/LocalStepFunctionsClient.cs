using System.Text.Json.Nodes;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.StepFunctions;

namespace OutpostServerless.Local.StepFunctions;

/// <summary>
/// The provisionings API function's Step Functions client under <c>serve</c>: StartExecution on the local
/// executions, with Step Functions' errors (<c>ExecutionAlreadyExists</c>, …) as the service error a real client throws.
/// </summary>
public sealed class LocalStepFunctionsClient(LocalStepFunctions stepFunctions) : IStepFunctions
{
    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var started = stepFunctions.StartExecution(request.StateMachineArn, request.Name, request.Input is null ? null : JsonNode.Parse(request.Input));
            return Task.FromResult(new StartExecutionResponse(started.ExecutionArn, ExecutionDescription.EpochSeconds(started.StartDate)));
        }
        catch (StepFunctionsException refused)
        {
            return Task.FromException<StartExecutionResponse>(new AwsServiceError("states", refused.Type, refused.Message));
        }
    }
}
