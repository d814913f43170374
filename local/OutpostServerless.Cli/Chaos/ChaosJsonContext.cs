using System.Text.Json.Serialization;

namespace OutpostServerless.Cli.Chaos;

/// <summary>Source-generated JSON for <c>chaos --json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ChaosReport))]
[JsonSerializable(typeof(Lifecycle.LifecycleReport))]
internal sealed partial class ChaosJsonContext : JsonSerializerContext;
