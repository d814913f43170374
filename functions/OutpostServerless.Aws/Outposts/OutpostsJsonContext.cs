using System.Text.Json.Serialization;

namespace OutpostServerless.Aws.Outposts;

/// <summary>
/// The Outposts restJson1 documents, one description for both ends: the client reads them, the
/// emulator's front-end writes them. PascalCase members as in the API, unset members left out.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetOutpostResponse))]
[JsonSerializable(typeof(ListOutpostsResponse))]
[JsonSerializable(typeof(GetOutpostInstanceTypesResponse))]
[JsonSerializable(typeof(ListAssetsResponse))]
public sealed partial class OutpostsJsonContext : JsonSerializerContext;
