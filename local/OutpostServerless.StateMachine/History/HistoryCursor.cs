namespace OutpostServerless.StateMachine.History;

/// <summary>
/// The last event of one line of execution (the top level, a Parallel branch, a Map iteration): the
/// next event on that line names it as its previousEventId, as AWS links branch events.
/// </summary>
internal sealed class HistoryCursor(long lastEventId = 0)
{
    public long LastEventId { get; set; } = lastEventId;

    public HistoryCursor Fork() => new(LastEventId);
}
