using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine;

/// <summary>
/// One event of an execution's history, as GetExecutionHistory returns it: <see cref="Type"/> is AWS's
/// HistoryEventType (e.g. TaskStateEntered), <see cref="Timestamp"/> is clock time (virtual or real), and
/// <see cref="Details"/> is the details object AWS puts under the member named <see cref="DetailsName"/>
/// (e.g. <c>stateEnteredEventDetails</c> = <c>{"name": ..., "input": "...", "inputDetails": {"truncated": false}}</c>),
/// with inputs and outputs as JSON text. Treat <see cref="Details"/> as read-only.
/// </summary>
public sealed record HistoryEvent(
    long Id,
    long PreviousEventId,
    DateTimeOffset Timestamp,
    string Type,
    string? DetailsName,
    JsonObject? Details)
{
    /// <summary>The state an event is about (state entered/exited events), else null.</summary>
    public string? StateName => Details is not null && JsonScalars.TryGetString(Details["name"], out var name) ? name : null;

    /// <summary>The error of a failure or timeout event, else null.</summary>
    public string? Error => Details is not null && JsonScalars.TryGetString(Details["error"], out var error) ? error : null;

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
        if (DetailsName is not null && Details is not null)
        {
            json[DetailsName] = Details.DeepClone();
        }

        return json;
    }
}
