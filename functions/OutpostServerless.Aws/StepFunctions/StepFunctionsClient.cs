using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Protocols.Json;

namespace OutpostServerless.Aws.StepFunctions;

/// <summary>The Step Functions ports over HTTP: awsJson1_0, target prefix <c>AWSStepFunctions</c>, signing name <c>states</c>.</summary>
public sealed class StepFunctionsClient(AwsHttpPipeline pipeline, ServiceEndpoint endpoint) : IStepFunctions, ITaskCallbacks
{
    public const string TargetPrefix = "AWSStepFunctions";

    private readonly AwsJsonProtocol _protocol = new(pipeline, AwsService.StepFunctions, endpoint, TargetPrefix, "1.0");

    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _protocol.InvokeAsync("StartExecution", request, StepFunctionsJsonContext.Default.StartExecutionRequest, StepFunctionsJsonContext.Default.StartExecutionResponse, cancellationToken);
    }

    public Task SendTaskSuccessAsync(SendTaskSuccessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _protocol.InvokeAsync("SendTaskSuccess", request, StepFunctionsJsonContext.Default.SendTaskSuccessRequest, StepFunctionsJsonContext.Default.SendTaskSuccessResponse, cancellationToken);
    }
}
