using System.Text.Json.Serialization;

namespace OutpostServerless.Local.StateFiles;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StateFileDocument))]
internal sealed partial class StateFileJsonContext : JsonSerializerContext;
