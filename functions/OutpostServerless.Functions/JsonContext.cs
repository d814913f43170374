using System.Text.Json.Serialization;
using OutpostServerless.Functions.Errors;

namespace OutpostServerless.Functions;

/// <summary>Source-generated JSON for what the host itself writes: the Runtime API error body.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FunctionError))]
internal sealed partial class JsonContext : JsonSerializerContext;
