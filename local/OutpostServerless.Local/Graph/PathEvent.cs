using System.Globalization;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.Graph;

/// <summary>
/// What <see cref="ExecutionPath"/> reads of one history event, from the engine's <see cref="HistoryEvent"/> or from a
/// GetExecutionHistory entry (<c>{"timestamp", "type", "…EventDetails": {"name", "error", "cause", "input", "output"}}</c>)
/// kept in a state file.
/// </summary>
public sealed record PathEvent(string Type, DateTimeOffset Timestamp, JsonObject? Details)
{
    public string? StateName => Text("name");

    public string? Error => Text("error");

    public static PathEvent Of(HistoryEvent written)
    {
        ArgumentNullException.ThrowIfNull(written);
        return new PathEvent(written.Type, written.Timestamp, written.Details);
    }

    /// <summary>A GetExecutionHistory entry, as <see cref="HistoryEvent.ToJson"/> writes it.</summary>
    public static PathEvent Of(JsonObject entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var details = entry.FirstOrDefault(member => member.Key.EndsWith("EventDetails", StringComparison.Ordinal)).Value as JsonObject;
        return new PathEvent(
            entry["type"]?.GetValue<string>() ?? string.Empty,
            DateTimeOffset.Parse(entry["timestamp"]?.GetValue<string>() ?? "1970-01-01T00:00:00Z", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            details);
    }

    public string? Text(string member) =>
        Details?[member] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
