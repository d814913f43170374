using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Calls;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Chaos;

/// <summary>
/// Throws faults at step attempts: each Lambda invocation, with probability <c>rate</c>, meets one fault
/// of a random <see cref="InvocationFault"/> kind, on its first, second or third AWS call (or after its
/// first, second or third successful mutating call, for a crash). In production each function's AWS
/// client retries a failed call on its own, so what reaches the workflow is a failed invocation: this
/// is that failure, and the state machine's Retry and Catch must deal with it. Seeded, so a run is
/// repeatable.
/// </summary>
public sealed class ChaosInvoker : ITaskInvoker
{
    private const string AnyOperation = "*";
    private static readonly InvocationFault[] Kinds = Enum.GetValues<InvocationFault>();

    private readonly ITaskInvoker _inner;
    private readonly EmulatedCloud _cloud;
    private readonly Random _random;
    private readonly double _rate;
    private readonly Action? _afterInvocation;
    private readonly CrashingInvoker _crashing;
    private readonly Dictionary<InvocationFault, int> _injected = [];

    /// <param name="afterInvocation">Called after every invocation, e.g. to take stock of what exists.</param>
    public ChaosInvoker(ITaskInvoker inner, EmulatedCloud cloud, Random random, double rate, Action? afterInvocation = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1);
        _inner = inner;
        _cloud = cloud;
        _random = random;
        _rate = rate;
        _afterInvocation = afterInvocation;
        _crashing = new CrashingInvoker(inner, cloud.Calls);
    }

    /// <summary>The faults that actually hit, by kind (a fault armed for a call the attempt never made does not count).</summary>
    public IReadOnlyDictionary<InvocationFault, int> Injected => _injected;

    public async Task<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        // Every draw is made every time, so one attempt's luck never shifts the next attempt's dice.
        var hit = _random.NextDouble() < _rate;
        var kind = Kinds[_random.Next(Kinds.Length)];
        var nth = _random.Next(1, 4);
        try
        {
            return hit
                ? await InvokeWithFaultAsync(invocation, kind, nth, cancellationToken)
                : await _inner.InvokeAsync(invocation, cancellationToken);
        }
        finally
        {
            _afterInvocation?.Invoke();
        }
    }

    private async Task<TaskOutcome> InvokeWithFaultAsync(TaskInvocation invocation, InvocationFault kind, int nth, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case InvocationFault.LambdaServiceError:
                Count(kind);
                return TaskOutcome.Failure("Lambda.ServiceException", "Lambda was unable to invoke the function (an injected service error).");

            case InvocationFault.Crash:
                var mutating = 0;
                var crashesBefore = _crashing.Crashes;
                var outcome = await _crashing.InvokeAsync(invocation, call => call.IsMutating && ++mutating == nth, cancellationToken);
                if (_crashing.Crashes > crashesBefore)
                {
                    Count(kind);
                }

                return outcome;

            default:
                var queued = _cloud.Faults.Queue(AnyOperation, ToFaultKind(kind), times: 1, skip: nth - 1);
                try
                {
                    return await _inner.InvokeAsync(invocation, cancellationToken);
                }
                finally
                {
                    if (!queued.Withdraw())
                    {
                        Count(kind);
                    }
                }
        }
    }

    private void Count(InvocationFault kind) => _injected[kind] = _injected.GetValueOrDefault(kind) + 1;

    private static FaultKind ToFaultKind(InvocationFault kind) => kind switch
    {
        InvocationFault.Throttling => FaultKind.Throttling,
        InvocationFault.ServerError => FaultKind.ServerError,
        InvocationFault.TimeoutBeforeEffect => FaultKind.TimeoutBeforeEffect,
        InvocationFault.TimeoutAfterEffect => FaultKind.TimeoutAfterEffect,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an AWS call fault."),
    };
}
