using System.Text.Json.Serialization;
using OutpostServerless.Functions.Errors;
using OutpostServerless.Functions.Handlers;

namespace OutpostServerless.Functions;

/// <summary>Source-generated JSON for what the host itself reads and writes: the Runtime API error body, the step's attempt.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FunctionError))]
[JsonSerializable(typeof(StepAttempt))]
internal sealed partial class JsonContext : JsonSerializerContext;
