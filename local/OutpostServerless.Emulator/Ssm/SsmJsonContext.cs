using System.Text.Json.Serialization;

namespace OutpostServerless.Emulator.Ssm;

/// <summary>SSM's awsJson1_1: PascalCase members, absent members left out.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SsmGetParameterRequest))]
[JsonSerializable(typeof(SsmGetParameterResult))]
internal sealed partial class SsmJsonContext : JsonSerializerContext;
