using System.Text.Json.Serialization;

namespace OutpostServerless.Aws.Ssm;

/// <summary>SSM's awsJson1_1 documents: PascalCase members as in the API, unset members left out.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetParameterRequest))]
[JsonSerializable(typeof(SsmParameterOutput))]
public sealed partial class SsmJsonContext : JsonSerializerContext;
