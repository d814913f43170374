using System.Text.Json.Serialization;

namespace OutpostServerless.Aws.Outposts;

/// <summary>The Outposts restJson1 output documents: PascalCase members as in the API.</summary>
[JsonSerializable(typeof(OutpostsOutpostOutput))]
[JsonSerializable(typeof(OutpostsListOutput))]
[JsonSerializable(typeof(OutpostsInstanceTypesOutput))]
[JsonSerializable(typeof(OutpostsAssetsOutput))]
public sealed partial class OutpostsJsonContext : JsonSerializerContext;
