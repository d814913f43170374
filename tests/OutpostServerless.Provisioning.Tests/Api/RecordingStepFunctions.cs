using Amazon.Runtime;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.StepFunctions;

namespace OutpostServerless.Provisioning.Tests.Api;

/// <summary>Step Functions' StartExecution name rule in memory: each name once per state machine (ExecutionAlreadyExists after), every start kept.</summary>
internal sealed class RecordingStepFunctions : IStepFunctions
{
    private readonly List<StartExecutionRequest> _started = [];

    public IReadOnlyList<StartExecutionRequest> Started => _started;

    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        if (_started.Exists(s => s.StateMachineArn == request.StateMachineArn && s.Name == request.Name))
        {
            return Task.FromException<StartExecutionResponse>(new AwsServiceError("states", "ExecutionAlreadyExists", $"Execution Already Exists: '{request.Name}'"));
        }

        _started.Add(request);
        var machine = request.StateMachineArn.Split(':')[^1];
        return Task.FromResult(new StartExecutionResponse($"arn:aws:states:us-west-2:123456789012:execution:{machine}:{request.Name}", 0));
    }
}
