using System.Text.Json.Serialization;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator;

/// <summary>Source-generated serialization of the world's state (SaveState / LoadState).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WorldState))]
internal sealed partial class JsonContext : JsonSerializerContext;
