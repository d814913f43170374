namespace OutpostServerless.StateMachine.Clock;

/// <summary>A parked strand's way back: queued, it is handed the run token and its awaiter resumes.</summary>
internal sealed class StrandWakeup(ClockStrand strand)
{
    private readonly TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _cancelledBy;
    private bool _cancelled;

    public ClockStrand Strand { get; } = strand;

    public Task Signal => _signal.Task;

    /// <summary>Makes the strand resume with an <see cref="OperationCanceledException"/> once it runs again.</summary>
    public void CancelWith(CancellationToken token)
    {
        _cancelled = true;
        _cancelledBy = token;
    }

    /// <summary>Called under the clock's lock when the strand gets the run token.</summary>
    public void Grant()
    {
        Strand.State = StrandState.Running;
        if (_cancelled)
        {
            _signal.TrySetCanceled(_cancelledBy);
        }
        else
        {
            _signal.TrySetResult();
        }
    }
}
