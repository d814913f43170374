using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Sam;

namespace OutpostServerless.Local.EventBridge;

/// <summary>
/// Events as a rule sees them. A file holds an event as EventBridge delivers it (<c>source</c>,
/// <c>detail-type</c>, <c>detail</c>, ...), a PutEvents entry (<c>Source</c>, <c>DetailType</c>, <c>Detail</c>
/// as JSON text), a list of either, or <c>{"Entries": [...]}</c> as <c>aws events put-events</c> takes
/// it. What EventBridge adds on the way in (<c>version</c>, <c>id</c>, <c>account</c>, <c>region</c>,
/// <c>time</c>, <c>resources</c>) is added when missing.
/// </summary>
public static class EventEnvelope
{
    public static IReadOnlyList<JsonObject> Read(string file, JsonNode? content, SamEnvironment environment, DateTimeOffset now)
    {
        var items = content switch
        {
            JsonObject { Count: 1 } wrapper when wrapper["Entries"] is JsonArray entries => entries,
            JsonArray list => list,
            JsonObject single => new JsonArray(single.DeepClone()),
            _ => throw new EventFileException(file, "holds neither an event, a PutEvents entry, a list of them, nor {\"Entries\": [...]}"),
        };
        return items.Count == 0
            ? throw new EventFileException(file, "holds no event")
            : [.. items.Select((item, i) => Normalize(file, i, item as JsonObject, environment, now))];
    }

    private static JsonObject Normalize(string file, int index, JsonObject? item, SamEnvironment environment, DateTimeOffset now)
    {
        var where = $"event {index + 1}";
        if (item is null)
        {
            throw new EventFileException(file, $"{where} is not a JSON object");
        }

        var envelope = item.ContainsKey("Source") || item.ContainsKey("DetailType") ? FromEntry(file, where, item) : item.DeepClone().AsObject();
        foreach (var required in new[] { "source", "detail-type" })
        {
            if (envelope[required] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || value.GetValue<string>().Length == 0)
            {
                throw new EventFileException(file, $"{where}: {required} is required (a non-empty string)");
            }
        }

        envelope["version"] ??= "0";
        envelope["id"] ??= Guid.NewGuid().ToString();
        envelope["account"] ??= environment.AccountId;
        envelope["time"] ??= now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        envelope["region"] ??= environment.Region;
        envelope["resources"] ??= new JsonArray();
        envelope["detail"] ??= new JsonObject();
        return envelope;
    }

    private static JsonObject FromEntry(string file, string where, JsonObject entry)
    {
        JsonNode? detail;
        try
        {
            detail = entry["Detail"] is JsonValue text && text.GetValueKind() == JsonValueKind.String ? JsonNode.Parse(text.GetValue<string>()) : entry["Detail"]?.DeepClone();
        }
        catch (JsonException e)
        {
            throw new EventFileException(file, $"{where}: Detail is not JSON text ({e.Message})");
        }

        if (detail is not (JsonObject or null))
        {
            throw new EventFileException(file, $"{where}: Detail must be a JSON object");
        }

        return new JsonObject
        {
            ["version"] = "0",
            ["id"] = Guid.NewGuid().ToString(),
            ["detail-type"] = entry["DetailType"]?.DeepClone(),
            ["source"] = entry["Source"]?.DeepClone(),
            ["time"] = entry["Time"]?.DeepClone(),
            ["resources"] = entry["Resources"]?.DeepClone() ?? new JsonArray(),
            ["detail"] = detail ?? new JsonObject(),
        };
    }
}
