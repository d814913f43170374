using System.Text.Json.Serialization;

namespace OutpostServerless.Local.EventBridge;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(EventsReport))]
internal sealed partial class EventsJsonContext : JsonSerializerContext;
