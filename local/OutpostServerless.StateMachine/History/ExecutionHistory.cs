
namespace OutpostServerless.StateMachine.History;

/// <summary>
/// The append-only event list of one execution. Ids count from 1 in the order events happen; each event
/// is stamped with the clock's time and handed to the live observer as it is written. It holds at most
/// <see cref="MaxEvents"/>: an endless loop fails the execution there instead of growing without bound.
/// </summary>
internal sealed class ExecutionHistory(TimeProvider clock, Action<HistoryEvent>? observer)
{
    /// <summary>
    /// Step Functions' hard quota on a Standard execution's history ("Maximum execution history size: 25,000
    /// events", https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html). Once 24,999 are written
    /// the next may only close the execution: ExecutionSucceeded if it has finished, else ExecutionFailed
    /// (https://docs.aws.amazon.com/step-functions/latest/dg/sfn-best-practices.html#bp-history-limit).
    /// </summary>
    public const int MaxEvents = 25_000;

    private readonly Lock _gate = new();
    private readonly List<HistoryEvent> _events = [];

    public long LastEventId
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    public IReadOnlyList<HistoryEvent> Snapshot()
    {
        lock (_gate)
        {
            return _events.ToArray();
        }
    }

    public HistoryEvent Add(HistoryCursor cursor, string type, EventDetail? detail = null)
    {
        lock (_gate)
        {
            if (_events.Count >= MaxEvents - 1 && !ClosesExecution(type))
            {
                throw new HistoryLimitReachedException();
            }

            var added = new HistoryEvent(_events.Count + 1, cursor.LastEventId, clock.GetUtcNow(), type, detail);
            _events.Add(added);
            cursor.LastEventId = added.Id;
            try
            {
                // Under the lock so observers see events in id order.
                observer?.Invoke(added);
            }
#pragma warning disable CA1031 // An observer (a progress printer) must not change the execution's outcome.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            return added;
        }
    }

    private static bool ClosesExecution(string type) => type is HistoryEventTypes.ExecutionSucceeded or HistoryEventTypes.ExecutionFailed
        or HistoryEventTypes.ExecutionTimedOut or HistoryEventTypes.ExecutionAborted;
}
