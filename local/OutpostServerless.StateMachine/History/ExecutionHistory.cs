
namespace OutpostServerless.StateMachine.History;

/// <summary>
/// The append-only event list of one execution. Ids count from 1 in the order events happen; each event
/// is stamped with the clock's time and handed to the live observer as it is written.
/// </summary>
internal sealed class ExecutionHistory(TimeProvider clock, Action<HistoryEvent>? observer)
{
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
}
