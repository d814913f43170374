using System.Text.Json.Serialization;
using OutpostServerless.Provisioning.Queue;

namespace OutpostServerless.Cli.Queue;

/// <summary><c>queue --json</c>: camelCase, as the status report.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<QueuePlace>))]
[JsonSerializable(typeof(QueueEntryStatus))]
internal sealed partial class QueueJsonContext : JsonSerializerContext;
