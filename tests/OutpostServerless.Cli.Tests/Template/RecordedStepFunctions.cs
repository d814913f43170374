using OutpostServerless.Aws.StepFunctions;
using OutpostServerless.Cli.Sam;
using OutpostServerless.Emulator.Calls;

namespace OutpostServerless.Cli.Tests.Template;

/// <summary>
/// Step Functions as the provisionings API function sees it in <see cref="WorkflowSuite"/>: each StartExecution is
/// recorded as the call <c>states:StartExecution</c> of the function that made it (the emulator has no Step
/// Functions to log it), and left for the suite to run.
/// </summary>
internal sealed class RecordedStepFunctions(SamTemplate template, TimeProvider clock) : IStepFunctions
{
    private readonly List<ApiCall> _calls = [];
    private readonly Queue<(string StateMachine, StartExecutionRequest Request)> _started = new();

    public IReadOnlyList<ApiCall> Calls => _calls;

    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var machine = template.StateMachines.Values.Single(m => m.Arn == request.StateMachineArn);
        _calls.Add(new ApiCall(0, "states:StartExecution", clock.GetUtcNow(), IsMutating: true, ErrorCode: null) { Caller = CallerScope.Current });
        _started.Enqueue((machine.LogicalId, request));
        return Task.FromResult(new StartExecutionResponse(machine.ExecutionArn(request.Name!), clock.GetUtcNow().ToUnixTimeSeconds()));
    }

    /// <summary>The execution started first and not taken yet.</summary>
    public (string StateMachine, StartExecutionRequest Request) TakeStarted() => _started.Dequeue();
}
