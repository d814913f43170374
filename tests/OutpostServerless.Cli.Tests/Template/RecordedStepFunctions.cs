using OutpostServerless.Aws.StepFunctions;
using OutpostServerless.Emulator.Calls;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Cli.Tests.Template;

/// <summary>
/// Step Functions as the provisionings API function sees it in <see cref="WorkflowSuite"/>: each StartExecution is
/// recorded as the call <c>states:StartExecution</c> of the function that made it (the emulator has no Step
/// Functions to log it), and left for the suite to run.
/// </summary>
internal sealed class RecordedStepFunctions : IStepFunctions, IAttributesCalls<IStepFunctions>
{
    private readonly SamTemplate _template;
    private readonly TimeProvider _clock;
    private readonly CallRecord _record;
    private readonly Queue<(string StateMachine, StartExecutionRequest Request)> _started;
    private readonly string? _caller;

    public RecordedStepFunctions(SamTemplate template, TimeProvider clock)
        : this(template, clock, new CallRecord(), new Queue<(string, StartExecutionRequest)>(), caller: null)
    {
    }

    private RecordedStepFunctions(SamTemplate template, TimeProvider clock, CallRecord record, Queue<(string, StartExecutionRequest)> started, string? caller)
    {
        _template = template;
        _clock = clock;
        _record = record;
        _started = started;
        _caller = caller;
    }

    public IReadOnlyList<ApiCall> Calls => _record.All;

    public IStepFunctions For(string caller) => new RecordedStepFunctions(_template, _clock, _record, _started, caller);

    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var machine = _template.StateMachines.Values.Single(m => m.Arn == request.StateMachineArn);
        _record.Add(_caller, "states:StartExecution", _clock.GetUtcNow(), errorCode: null);
        _started.Enqueue((machine.LogicalId, request));
        return Task.FromResult(new StartExecutionResponse(machine.ExecutionArn(request.Name!), _clock.GetUtcNow().ToUnixTimeSeconds()));
    }

    /// <summary>The execution started first and not taken yet.</summary>
    public (string StateMachine, StartExecutionRequest Request) TakeStarted() => _started.Dequeue();
}
