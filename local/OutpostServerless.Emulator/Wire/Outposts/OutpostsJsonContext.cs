using System.Text.Json.Serialization;
using OutpostServerless.Aws.Outposts;

namespace OutpostServerless.Emulator.Wire.Outposts;

/// <summary>AWS Outposts' JSON: the port records under their PascalCase API names, absent members left out.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetOutpostResponse))]
[JsonSerializable(typeof(ListOutpostsResponse))]
[JsonSerializable(typeof(GetOutpostInstanceTypesResponse))]
[JsonSerializable(typeof(ListAssetsResponse))]
internal sealed partial class OutpostsJsonContext : JsonSerializerContext;
