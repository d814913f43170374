namespace OutpostServerless.Emulator.Calls;

/// <summary>A fault queued with <see cref="FaultInjection.Queue"/>: withdraw it when it is no longer wanted.</summary>
public sealed class QueuedFault
{
    private readonly FaultInjection _owner;
    private readonly InjectedFault _fault;

    internal QueuedFault(FaultInjection owner, InjectedFault fault)
    {
        _owner = owner;
        _fault = fault;
    }

    public FaultKind Kind => _fault.Kind;

    /// <summary>Takes the fault out of the queue; false when every use of it had already hit a call.</summary>
    public bool Withdraw() => _owner.Withdraw(_fault);
}
