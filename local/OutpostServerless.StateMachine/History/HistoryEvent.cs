using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.History;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine;

/// <summary>
/// One event of an execution's history, as GetExecutionHistory returns it: <see cref="Type"/> is AWS's
/// HistoryEventType (e.g. TaskStateEntered), <see cref="Timestamp"/> is clock time (virtual or real), and
/// <see cref="Details"/> is the details object AWS puts under the member named <see cref="DetailsName"/>
/// (e.g. <c>stateEnteredEventDetails</c> = <c>{"name": ..., "input": "...", "inputDetails": {"truncated": false}}</c>),
/// with inputs and outputs as JSON text, built the first time it is read. Treat <see cref="Details"/> as read-only.
/// </summary>
public sealed class HistoryEvent
{
    private readonly EventDetail? _detail;
    private JsonObject? _details;

    internal HistoryEvent(long id, long previousEventId, DateTimeOffset timestamp, string type, EventDetail? detail)
    {
        Id = id;
        PreviousEventId = previousEventId;
        Timestamp = timestamp;
        Type = type;
        _detail = detail;
    }

    public long Id { get; }

    public long PreviousEventId { get; }

    public DateTimeOffset Timestamp { get; }

    public string Type { get; }

    public string? DetailsName => _detail?.Name;

    public JsonObject? Details
    {
        get
        {
            if (_detail is null)
            {
                return null;
            }

            // Two readers may build it at once; both build the same body and one is kept.
            Interlocked.CompareExchange(ref _details, _detail.Build(), null);
            return _details;
        }
    }

    /// <summary>The state an event is about (state entered/exited events), else null.</summary>
    public string? StateName => _detail?.Text("name");

    /// <summary>The error of a failure or timeout event, else null.</summary>
    public string? Error => _detail?.Text("error");

    /// <summary>The event as a GetExecutionHistory entry (timestamp as ISO 8601 UTC with milliseconds, as the AWS CLI prints it).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["timestamp"] = Rfc3339.Format(Timestamp),
            ["type"] = Type,
            ["id"] = Id,
            ["previousEventId"] = PreviousEventId,
        };
        if (DetailsName is not null && Details is { } details)
        {
            json[DetailsName] = details.DeepClone();
        }

        return json;
    }

    public override string ToString() => $"{Id} {Type}";
}
