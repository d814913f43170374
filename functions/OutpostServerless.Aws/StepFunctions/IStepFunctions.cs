using System.Text.Json.Serialization;

namespace OutpostServerless.Aws.StepFunctions;

/// <summary>
/// The Step Functions call the provisionings API makes: start an execution by name. AWSSDK.StepFunctions
/// is not served here, so this is our own awsJson1_0 client (<see cref="StepFunctionsClient"/>).
/// </summary>
public interface IStepFunctions
{
    /// <summary>Starts an execution; a name used before (within 90 days) is <c>ExecutionAlreadyExists</c>.</summary>
    Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default);
}

public sealed record StartExecutionRequest(
    [property: JsonPropertyName("stateMachineArn")] string StateMachineArn,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("input")] string? Input);

public sealed record StartExecutionResponse(
    [property: JsonPropertyName("executionArn")] string ExecutionArn,
    [property: JsonPropertyName("startDate")] double StartDate);
