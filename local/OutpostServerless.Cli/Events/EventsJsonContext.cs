using System.Text.Json.Serialization;

namespace OutpostServerless.Cli.Events;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(EventsReport))]
internal sealed partial class EventsJsonContext : JsonSerializerContext;
