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

/// <summary>The Step Functions call the capacity wake-up makes: end a parked (<c>.waitForTaskToken</c>) task.</summary>
public interface ITaskCallbacks
{
    /// <summary>
    /// Ends the <c>.waitForTaskToken</c> task holding the token with this output. A token whose task has ended is
    /// <c>TaskTimedOut</c>, one never issued <c>TaskDoesNotExist</c>, a malformed one <c>InvalidToken</c>
    /// (Step Functions API reference, SendTaskSuccess).
    /// </summary>
    Task SendTaskSuccessAsync(SendTaskSuccessRequest request, CancellationToken cancellationToken = default);
}

/// <param name="Output">The task's result: JSON text, at most 256 KiB.</param>
public sealed record SendTaskSuccessRequest(
    [property: JsonPropertyName("taskToken")] string TaskToken,
    [property: JsonPropertyName("output")] string Output);

/// <summary>SendTaskSuccess answers an empty object.</summary>
public sealed record SendTaskSuccessResponse;

public sealed record StartExecutionRequest(
    [property: JsonPropertyName("stateMachineArn")] string StateMachineArn,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("input")] string? Input);

public sealed record StartExecutionResponse(
    [property: JsonPropertyName("executionArn")] string ExecutionArn,
    [property: JsonPropertyName("startDate")] double StartDate);
